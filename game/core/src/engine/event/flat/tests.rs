//! The flat shape, and the older shape of saved runs read into it.

use super::*;

fn read(json: &str) -> Result<Event, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[test]
fn every_older_variant_reads_as_the_same_event() {
    let cases = [
        (
            r#"{"PageEntered":{"page":"p"}}"#,
            r#""event":"page_entered","page":"p""#,
        ),
        (
            r#"{"PageLeft":{"page":"p"}}"#,
            r#""event":"page_left","page":"p""#,
        ),
        (
            r#"{"FieldError":{"field":"nir","error":"nir_key"}}"#,
            r#""event":"field_error","field":"nir","error":"nir_key""#,
        ),
        (
            r#"{"HintUsed":{"page":"p","level":2}}"#,
            r#""event":"hint_used","page":"p","level":2"#,
        ),
        (r#"{"Back":{"from":"p"}}"#, r#""event":"back","page":"p""#),
        (
            r#"{"DocumentOpened":{"document":"rib"}}"#,
            r#""event":"document_opened","document":"rib""#,
        ),
        (
            r#"{"MessageReceived":{"message":"sms"}}"#,
            r#""event":"message_received","message":"sms""#,
        ),
        (
            r#"{"MessageRead":{"message":"sms"}}"#,
            r#""event":"message_read","message":"sms""#,
        ),
        (
            r#"{"Incident":{"incident":"panne","kind":"NoSlot"}}"#,
            r#""event":"incident","incident":"panne","incident_kind":"NoSlot""#,
        ),
        (
            r#"{"Timeout":{"page":"p"}}"#,
            r#""event":"timeout","page":"p""#,
        ),
        (
            r#"{"Posture":{"line":"l","posture":"Teach"}}"#,
            r#""event":"posture","line":"l","posture":"Teach""#,
        ),
        (
            r#"{"Posture":{"line":"l","posture":null}}"#,
            r#""event":"posture","line":"l""#,
        ),
        (
            r#"{"Abandoned":{"page":"p"}}"#,
            r#""event":"abandoned","page":"p""#,
        ),
        (
            r#"{"Ended":{"ending":"fin","kind":"Success"}}"#,
            r#""event":"ended","ending":"fin","ending_kind":"Success""#,
        ),
    ];
    for (older, flat) in cases {
        let old = read(&format!(r#"{{"at_ms":7,"kind":{older}}}"#)).expect(older);
        let new = read(&format!(r#"{{"at_ms":7,{flat}}}"#)).expect(flat);
        assert_eq!(old, new, "{older}");
        let written = serde_json::to_string(&old).expect("writes");
        assert_eq!(written, format!(r#"{{"at_ms":7,{flat}}}"#), "written flat");
    }
}

#[test]
fn a_read_aloud_event_round_trips() {
    let line = r#"{"at_ms":3,"event":"read_aloud","what":"field:iban"}"#;
    let e = read(line).expect("reads");
    assert_eq!(
        e.kind,
        EventKind::ReadAloud {
            what: "field:iban".into()
        }
    );
    assert_eq!(serde_json::to_string(&e).expect("writes"), line);
}

#[test]
fn mixed_unknown_or_incomplete_shapes_are_refused() {
    for bad in [
        // Both shapes at once.
        r#"{"at_ms":0,"event":"back","kind":{"Back":{"from":"p"}}}"#,
        r#"{"at_ms":0,"page":"p","kind":{"Back":{"from":"p"}}}"#,
        // A value where only ids belong, in either shape.
        r#"{"at_ms":0,"kind":{"PageEntered":{"page":"p","value":"1 23"}}}"#,
        r#"{"at_ms":0,"event":"page_entered","page":"p","value":"1 23"}"#,
        // Not one variant.
        r#"{"at_ms":0,"kind":{}}"#,
        r#"{"at_ms":0,"kind":{"PageEntered":{"page":"p"},"PageLeft":{"page":"p"}}}"#,
        r#"{"at_ms":0,"kind":{"Teleported":{"page":"p"}}}"#,
        // A kind that is not the variant's.
        r#"{"at_ms":0,"kind":{"Incident":{"incident":"i","kind":"Success"}}}"#,
        r#"{"at_ms":0,"kind":{"PageEntered":{"page":"p","kind":"NoSlot"}}}"#,
        // Missing ids.
        r#"{"at_ms":0,"kind":{"Back":{"page":"p"}}}"#,
        r#"{"at_ms":0,"kind":{"Ended":{"ending":"fin"}}}"#,
        r#"{"at_ms":0}"#,
    ] {
        assert!(read(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_missing_name_says_so_in_french() {
    let err = read(r#"{"at_ms":0,"page":"p"}"#).expect_err("no name");
    assert!(
        err.starts_with("l'événement n'a pas de clé `event`"),
        "{err}"
    );
}
