//! What the page around the canvas offers the game: its file picker and
//! file downloads, and the dyslexia font fetched when chosen. In the browser they call the page's functions
//! (`dedaleOpenFile`, `dedaleDownload`); on a desktop there is no page, and
//! the screens that use them offer a folder instead.

use wasm_bindgen::{JsCast, JsValue};

/// Asks the page to open its file picker (the trainer's "open a scenario" button).
pub fn open_file_picker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str("dedaleOpenFile"))
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// Offers a file as a download (the trainer's exports), through the page's `dedaleDownload`.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str("dedaleDownload"))
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        let _ = f.call3(
            &JsValue::NULL,
            &JsValue::from_str(name),
            &JsValue::from_str(mime),
            &JsValue::from_str(text),
        );
    }
}

/// OpenDyslexic's bytes once the page has fetched them: the first call asks
/// the page (`dedaleFetchFont`, which wakes the game when they arrive), and
/// a later call takes them.
pub fn dyslexic_font() -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let bytes = js_sys::Reflect::get(&window, &JsValue::from_str("dedaleFont")).ok()?;
    if let Ok(bytes) = bytes.dyn_into::<js_sys::Uint8Array>() {
        return Some(bytes.to_vec());
    }
    if let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str("dedaleFetchFont"))
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        let _ = f.call0(&JsValue::NULL);
    }
    None
}
