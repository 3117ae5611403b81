//! Sound cues, made by the program itself (no sound files to license): a soft
//! two-note chime when a message arrives, a low tone when a form is refused,
//! a rising arpeggio on success.

use bevy::audio::{AudioPlayer, AudioSource, PlaybackSettings};
use bevy::prelude::*;
use dedale_core::model::EndingKind;

use crate::game::Cue;
use crate::settings::Settings;

/// The generated sounds.
#[derive(Resource)]
struct Sounds {
    message: Handle<AudioSource>,
    refused: Handle<AudioSource>,
    success: Handle<AudioSource>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, make)
        .add_systems(Update, play.run_if(resource_exists::<Sounds>));
}

fn make(mut commands: Commands, mut sources: ResMut<Assets<AudioSource>>) {
    let mut add = |notes: &[(f32, f32)]| {
        sources.add(AudioSource {
            bytes: wav(notes).into(),
        })
    };
    let sounds = Sounds {
        message: add(&[(880.0, 0.12), (1318.5, 0.22)]),
        refused: add(&[(220.0, 0.25)]),
        success: add(&[(523.3, 0.12), (659.3, 0.12), (784.0, 0.12), (1046.5, 0.3)]),
    };
    commands.insert_resource(sounds);
}

fn play(
    mut commands: Commands,
    mut cues: MessageReader<Cue>,
    sounds: Res<Sounds>,
    settings: Res<Settings>,
) {
    for cue in cues.read() {
        if !settings.sound {
            continue;
        }
        let handle = match cue {
            Cue::MessageArrived(_) | Cue::Downloaded => &sounds.message,
            Cue::Refused => &sounds.refused,
            Cue::Ended(EndingKind::Success) => &sounds.success,
            _ => continue,
        };
        commands.spawn((AudioPlayer::new(handle.clone()), PlaybackSettings::DESPAWN));
    }
}

/// A mono 16-bit WAV of sine notes (frequency in Hz, duration in seconds), each with a soft envelope.
pub fn wav(notes: &[(f32, f32)]) -> Vec<u8> {
    const RATE: u32 = 22_050;
    let mut samples: Vec<i16> = Vec::new();
    for &(freq, secs) in notes {
        let n = (secs * RATE as f32) as usize;
        for i in 0..n {
            let t = i as f32 / RATE as f32;
            let envelope = (t * 60.0).min(1.0) * (1.0 - i as f32 / n as f32).powf(1.5);
            let v = (t * freq * std::f32::consts::TAU).sin() * envelope * 0.35;
            samples.push((v * f32::from(i16::MAX)) as i16);
        }
    }
    let data_len = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + data_len as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&(RATE * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for s in samples {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_generated_wav_has_a_valid_header_and_length() {
        let bytes = super::wav(&[(440.0, 0.1)]);
        assert_eq!(&bytes[0..4], b"RIFF");
        assert_eq!(&bytes[8..16], b"WAVEfmt ");
        assert_eq!(bytes.len(), 44 + 2205 * 2);
    }
}
