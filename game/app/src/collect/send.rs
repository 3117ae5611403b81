//! Carries the queue's requests with the browser's `fetch`, WebAssembly only.
//!
//! Nothing here runs each frame: a request starts when a statement is queued
//! ([`pump`]), when the previous one is answered, when the wait after a
//! failure is over (a `setTimeout`), when the browser says it is back online,
//! or when the trainer asks. The queue itself is read from the store and
//! written back around each request, never held across one, so statements
//! queued meanwhile are kept. The game is woken (winit's event loop proxy)
//! only while the trainer's space shows the collection's state.

use std::cell::RefCell;

use bevy::prelude::*;
use bevy::winit::{EventLoopProxy, EventLoopProxyWrapper, WinitUserEvent};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};

use super::outbox::{Answer, Failure, Next};
use super::{Collector, USER, queue};
use crate::store::{Item, Store};

/// A request taking longer than this counts as unreachable, and is tried again.
const TIMEOUT_MS: u32 = 30_000;

/// The trainer's "test the connection".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Probe {
    /// Asked, no answer yet.
    Running,
    /// The collector answered and took the key.
    Reached,
    /// It did not.
    Failed(Failure),
}

#[derive(Default)]
struct Sender {
    store: Option<Store>,
    proxy: Option<EventLoopProxy<WinitUserEvent>>,
    in_flight: bool,
    /// The pending `setTimeout`: its handle and when it is due.
    timer: Option<(i32, u64)>,
    watched: bool,
    probe: Option<Probe>,
}

thread_local! {
    static SENDER: RefCell<Sender> = RefCell::new(Sender::default());
}

/// At start: takes the collector of a workshop link, if the page came from
/// one, and sends what an earlier visit left in the queue.
pub(super) fn start(store: Res<Store>, proxy: Option<Res<EventLoopProxyWrapper>>) {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        if let (Ok(page), Ok(fragment)) = (location.href(), location.hash())
            && let Some(collector) = Collector::from_link(&page, &fragment)
            && Collector::read(&store).as_ref() != Some(&collector)
        {
            collector.save(&store);
        }
        // Back online: no need to wait for the end of the back-off.
        let online = Closure::<dyn Fn()>::new(try_now);
        let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
        // Lives as long as the page.
        online.forget();
    }
    SENDER.with_borrow_mut(|s| {
        s.store = Some(store.clone());
        s.proxy = proxy.map(|p| (**p).clone());
    });
    try_now();
}

/// Starts the next request if one is due and none is under way, or sets a
/// timer for when one will be.
pub fn pump() {
    let Some(store) = SENDER.with_borrow(|s| s.store.clone().filter(|_| !s.in_flight)) else {
        return;
    };
    let Some(collector) = Collector::read(&store) else {
        return;
    };
    let outbox = queue(&store);
    let now = now_ms();
    match outbox.next(now) {
        Next::Idle => {}
        Next::Wait(ms) => schedule(now.saturating_add(ms), ms),
        Next::Send(batch) => {
            let ids: Vec<String> = batch.iter().map(|w| w.id.clone()).collect();
            let statements: Vec<&serde_json::Value> = batch.iter().map(|w| &w.statement).collect();
            let body = serde_json::to_string(&statements).unwrap_or_default();
            SENDER.with_borrow_mut(|s| s.in_flight = true);
            spawn_local(async move {
                let answer = match request(&collector, "POST", &collector.url, Some(&body)).await {
                    Some((status, text)) => Answer::of_status(status, &text),
                    None => Answer::Failed(Failure::Unreachable),
                };
                // Read again: statements may have been queued during the request.
                let mut outbox = queue(&store);
                outbox.answer(&ids, answer, now_ms(), js_sys::Math::random());
                let _ = store.write(Item::Outbox, &outbox.to_text());
                SENDER.with_borrow_mut(|s| s.in_flight = false);
                wake_if_watched();
                pump();
            });
        }
    }
}

/// Tries the queue at once, whatever the wait after the last failure.
fn try_now() {
    let Some(store) = SENDER.with_borrow(|s| s.store.clone()) else {
        return;
    };
    let mut outbox = queue(&store);
    outbox.try_now();
    let _ = store.write(Item::Outbox, &outbox.to_text());
    pump();
}

/// The trainer's "test the connection": asks the collector for one
/// statement with the key, and tries the queue at once.
pub fn probe() {
    try_now();
    let Some(collector) = SENDER
        .with_borrow(|s| s.store.clone())
        .and_then(|store| Collector::read(&store))
    else {
        return;
    };
    SENDER.with_borrow_mut(|s| s.probe = Some(Probe::Running));
    spawn_local(async move {
        let join = if collector.url.contains('?') {
            '&'
        } else {
            '?'
        };
        let url = format!("{}{join}limit=1", collector.url);
        let probe = match request(&collector, "GET", &url, None).await {
            None => Probe::Failed(Failure::Unreachable),
            Some((status, text)) => match Answer::of_status(status, &text) {
                Answer::Accepted => Probe::Reached,
                Answer::Failed(f) => Probe::Failed(f),
            },
        };
        SENDER.with_borrow_mut(|s| s.probe = Some(probe));
        wake_if_watched();
    });
}

/// The last test's state.
pub fn probe_state() -> Option<Probe> {
    SENDER.with_borrow(|s| s.probe.clone())
}

/// Whether a request is under way.
pub fn sending() -> bool {
    SENDER.with_borrow(|s| s.in_flight)
}

/// While the trainer's space is shown, each answer wakes the game to show it.
pub fn watch(watched: bool) {
    SENDER.with_borrow_mut(|s| {
        s.watched = watched;
        if !watched {
            s.probe = None;
        }
    });
}

fn wake_if_watched() {
    SENDER.with_borrow(|s| {
        if let (true, Some(proxy)) = (s.watched, &s.proxy) {
            let _ = proxy.send_event(WinitUserEvent::WakeUp);
        }
    });
}

/// Makes sure `pump` runs again at `due` (in `ms` from now); an earlier timer is kept.
fn schedule(due: u64, ms: u64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let earlier = SENDER.with_borrow(|s| s.timer.is_some_and(|(_, at)| at <= due));
    if earlier {
        return;
    }
    if let Some((handle, _)) = SENDER.with_borrow_mut(|s| s.timer.take()) {
        window.clear_timeout_with_handle(handle);
    }
    let fire = Closure::once_into_js(|| {
        SENDER.with_borrow_mut(|s| s.timer = None);
        pump();
    });
    let ms = i32::try_from(ms).unwrap_or(i32::MAX);
    if let Ok(handle) =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), ms)
    {
        SENDER.with_borrow_mut(|s| s.timer = Some((handle, due)));
    }
}

/// One request with the workshop's key and the xAPI version; the status and,
/// for a client error, the body (the collector's reason). `None` when no
/// answer came (offline, refused connection, CORS, timeout).
async fn request(
    collector: &Collector,
    method: &str,
    url: &str,
    body: Option<&str>,
) -> Option<(u16, String)> {
    let window = web_sys::window()?;
    let credentials = window.btoa(&format!("{USER}:{}", collector.key)).ok()?;
    let headers = web_sys::Headers::new().ok()?;
    headers
        .set("Authorization", &format!("Basic {credentials}"))
        .ok()?;
    headers.set("X-Experience-API-Version", "1.0.3").ok()?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(body) = body {
        headers.set("Content-Type", "application/json").ok()?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    let status = response.status();
    let mut text = String::new();
    if (400..500).contains(&status)
        && let Ok(promise) = response.text()
    {
        text = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
    }
    Some((status, text))
}

fn now_ms() -> u64 {
    // Milliseconds since 1970: positive, and far below 2^53.
    js_sys::Date::now().max(0.0) as u64
}
