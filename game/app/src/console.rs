//! In the browser, Bevy's warnings and errors (and wgpu's, and egui's) go to
//! the page's console, without Bevy's `LogPlugin`: its log filter
//! (`EnvFilter`, with regular expressions) weighed 74 KB of the `.wasm`
//! (22 KB of brotli), and the browser has no environment to read a filter
//! from.

use std::fmt::Write as _;

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};
use wasm_bindgen::JsValue;

/// Installs both loggers; warnings and errors only.
pub fn install() {
    let _ = tracing::subscriber::set_global_default(Console);
    if log::set_logger(&Console).is_ok() {
        log::set_max_level(log::LevelFilter::Warn);
    }
}

struct Console;

fn write(error: bool, target: &str, message: &str) {
    let text = JsValue::from_str(&format!("{target}: {message}"));
    if error {
        web_sys::console::error_1(&text);
    } else {
        web_sys::console::warn_1(&text);
    }
}

/// The event's message, then its other fields as `name=value`.
#[derive(Default)]
struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, "{}={value:?}", field.name());
        }
    }
}

impl Subscriber for Console {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.is_event() && *metadata.level() <= Level::WARN
    }

    fn max_level_hint(&self) -> Option<tracing::level_filters::LevelFilter> {
        Some(tracing::level_filters::LevelFilter::WARN)
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        let meta = event.metadata();
        write(*meta.level() == Level::ERROR, meta.target(), &fields.0);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

impl log::Log for Console {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Warn
    }

    fn log(&self, record: &log::Record<'_>) {
        if log::Log::enabled(self, record.metadata()) {
            let message = record.args().to_string();
            write(
                record.level() == log::Level::Error,
                record.target(),
                &message,
            );
        }
    }

    fn flush(&self) {}
}
