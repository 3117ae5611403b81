//! Sound cues, made by the program itself (no sound files to license): a soft
//! two-note chime when a message arrives, a low tone when a form is refused,
//! a rising arpeggio on success. Natively Bevy's audio plays them; in the
//! browser the page's Web Audio does, which spares the download Bevy's audio
//! stack (rodio, cpal, a WAV decoder).

use bevy::prelude::*;
use dedale_core::model::EndingKind;

use crate::game::Cue;
use crate::settings::Settings;

/// Samples a second.
const RATE: u32 = 22_050;
const MESSAGE: &[(f32, f32)] = &[(880.0, 0.12), (1318.5, 0.22)];
const REFUSED: &[(f32, f32)] = &[(220.0, 0.25)];
const SUCCESS: &[(f32, f32)] = &[(523.3, 0.12), (659.3, 0.12), (784.0, 0.12), (1046.5, 0.3)];

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, out::make)
        .add_systems(Update, play.run_if(resource_exists::<out::Sounds>));
}

fn play(
    mut commands: Commands,
    mut cues: MessageReader<Cue>,
    sounds: Res<out::Sounds>,
    settings: Res<Settings>,
) {
    for cue in cues.read() {
        if !settings.sound {
            continue;
        }
        let which = match cue {
            Cue::MessageArrived(_) | Cue::Downloaded => 0,
            Cue::Refused => 1,
            Cue::Ended(EndingKind::Success) => 2,
            _ => continue,
        };
        out::play(&mut commands, &sounds, which);
    }
}

/// Sine notes (frequency in Hz, duration in seconds), each with a soft envelope, from -1 to 1.
fn samples(notes: &[(f32, f32)]) -> Vec<f32> {
    let mut samples = Vec::new();
    for &(freq, secs) in notes {
        let n = (secs * RATE as f32) as usize;
        for i in 0..n {
            let t = i as f32 / RATE as f32;
            let envelope = (t * 60.0).min(1.0) * (1.0 - i as f32 / n as f32).powf(1.5);
            samples.push((t * freq * std::f32::consts::TAU).sin() * envelope * 0.35);
        }
    }
    samples
}

/// Bevy's audio, natively.
#[cfg(not(target_family = "wasm"))]
mod out {
    use bevy::audio::{AudioPlayer, AudioSource, PlaybackSettings};
    use bevy::prelude::*;

    /// The generated sounds: message, refused, success.
    #[derive(Resource)]
    pub struct Sounds([Handle<AudioSource>; 3]);

    pub fn make(mut commands: Commands, mut sources: ResMut<Assets<AudioSource>>) {
        let mut add = |notes: &[(f32, f32)]| {
            sources.add(AudioSource {
                bytes: wav(notes).into(),
            })
        };
        let sounds = [
            add(super::MESSAGE),
            add(super::REFUSED),
            add(super::SUCCESS),
        ];
        commands.insert_resource(Sounds(sounds));
    }

    pub fn play(commands: &mut Commands, sounds: &Sounds, which: usize) {
        commands.spawn((
            AudioPlayer::new(sounds.0[which].clone()),
            PlaybackSettings::DESPAWN,
        ));
    }

    /// A mono 16-bit WAV of sine notes (frequency in Hz, duration in seconds).
    pub fn wav(notes: &[(f32, f32)]) -> Vec<u8> {
        let samples: Vec<i16> = super::samples(notes)
            .into_iter()
            .map(|v| (v * f32::from(i16::MAX)) as i16)
            .collect();
        let rate = super::RATE;
        let data_len = (samples.len() * 2) as u32;
        let mut out = Vec::with_capacity(44 + data_len as usize);
        out.extend_from_slice(b"RIFF");
        out.extend_from_slice(&(36 + data_len).to_le_bytes());
        out.extend_from_slice(b"WAVEfmt ");
        out.extend_from_slice(&16u32.to_le_bytes());
        out.extend_from_slice(&1u16.to_le_bytes()); // PCM
        out.extend_from_slice(&1u16.to_le_bytes()); // mono
        out.extend_from_slice(&rate.to_le_bytes());
        out.extend_from_slice(&(rate * 2).to_le_bytes());
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
}

/// The page's Web Audio, in the browser.
#[cfg(target_family = "wasm")]
mod out {
    use std::cell::RefCell;

    use bevy::prelude::*;
    use web_sys::AudioContext;

    /// The generated sounds' samples: message, refused, success.
    #[derive(Resource)]
    pub struct Sounds([Vec<f32>; 3]);

    thread_local! {
        /// Made at the first cue: browsers let a page play sound after the player acted.
        static AUDIO: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
    }

    pub fn make(mut commands: Commands) {
        let sounds = [super::MESSAGE, super::REFUSED, super::SUCCESS].map(super::samples);
        commands.insert_resource(Sounds(sounds));
    }

    pub fn play(_: &mut Commands, sounds: &Sounds, which: usize) {
        AUDIO.with_borrow_mut(|audio| {
            if audio.is_none() {
                *audio = AudioContext::new().ok();
            }
            if let Some(audio) = audio {
                // A sound that cannot play is no reason to stop the game.
                let _ = start(audio, &sounds.0[which]);
            }
        });
    }

    fn start(audio: &AudioContext, samples: &[f32]) -> Result<(), wasm_bindgen::JsValue> {
        let buffer = audio.create_buffer(1, samples.len() as u32, super::RATE as f32)?;
        buffer.copy_to_channel(samples, 0)?;
        let source = audio.create_buffer_source()?;
        source.set_buffer(Some(&buffer));
        source.connect_with_audio_node(&audio.destination())?;
        source.start()
    }
}
