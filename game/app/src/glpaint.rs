//! In the browser, egui's triangles go to the page's canvas through WebGL2
//! with egui_glow (egui's own painter, the one eframe uses on the web),
//! compiled only for WebAssembly. The game draws nothing but egui, so Bevy's
//! renderer (wgpu, naga, the shader preprocessor and its regex, pipelines)
//! would be a 3 MB download and a second of start-up on a laptop without a
//! graphics card, for the same picture: the browser build leaves it out and
//! keeps Bevy's app, states, window and input, and bevy_egui's context and
//! input. Natively Bevy renders as usual.
//!
//! Without Bevy's renderer nobody measures the window for the camera that
//! carries egui's context, so `size_camera` does, from the window: bevy_egui
//! takes the screen's size and scale from the camera.

use std::cell::RefCell;
use std::sync::Arc;

use bevy::camera::RenderTargetInfo;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiOutput, EguiRenderOutput, PrimaryEguiContext, egui};
use wasm_bindgen::JsCast;

thread_local! {
    /// The canvas's WebGL2 painter, made at the first frame (the browser runs one thread).
    static GL: RefCell<Option<Painter>> = const { RefCell::new(None) };
}

struct Painter {
    canvas: web_sys::HtmlCanvasElement,
    egui: egui_glow::Painter,
}

thread_local! {
    /// Texture changes egui sent while nothing could be painted (no canvas
    /// size yet): the font atlas comes once, and must not be lost.
    static WAITING: RefCell<egui::TexturesDelta> = RefCell::new(egui::TexturesDelta::default());
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(First, size_camera).add_systems(Last, paint);
}

/// Gives the cameras the window's size and scale, as Bevy's renderer would.
fn size_camera(windows: Query<&Window, With<PrimaryWindow>>, mut cameras: Query<&mut Camera>) {
    let Ok(window) = windows.single() else {
        return;
    };
    let size = window.physical_size();
    let scale = window.scale_factor();
    for mut camera in &mut cameras {
        let same = camera
            .computed
            .target_info
            .as_ref()
            .is_some_and(|t| t.physical_size == size && t.scale_factor == scale);
        if !same {
            camera.computed.target_info = Some(RenderTargetInfo {
                physical_size: size,
                scale_factor: scale,
            });
        }
    }
}

/// Paints the frame egui has just laid out: the desk's colour, then egui's
/// triangles, with its font atlas and images updated first. The canvas's
/// drawing buffer is kept at the window's size in physical pixels (the page
/// only sizes it on screen), or the picture would be stretched and blurred.
fn paint(
    mut outputs: Query<(&mut EguiRenderOutput, &EguiOutput), With<PrimaryEguiContext>>,
    windows: Query<&Window, With<PrimaryWindow>>,
    clear: Res<ClearColor>,
) {
    let Ok((mut render, output)) = outputs.single_mut() else {
        return;
    };
    let delta = std::mem::take(&mut render.textures_delta);
    WAITING.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        waiting.append(delta);
        let size = windows
            .single()
            .map(Window::physical_size)
            .unwrap_or_default();
        if size.x == 0 || size.y == 0 {
            return;
        }
        GL.with(|gl| {
            let mut gl = gl.borrow_mut();
            if gl.is_none() {
                *gl = Painter::on_canvas("dedale");
            }
            let Some(gl) = gl.as_mut() else {
                return;
            };
            if gl.canvas.width() != size.x || gl.canvas.height() != size.y {
                gl.canvas.set_width(size.x);
                gl.canvas.set_height(size.y);
            }
            let size = [size.x, size.y];
            let c = clear.0.to_srgba();
            gl.egui.clear(size, [c.red, c.green, c.blue, 1.0]);
            gl.egui.paint_and_update_textures(
                size,
                output.pixels_per_point,
                &render.paint_jobs,
                &mut waiting,
            );
        });
    });
}

impl Painter {
    /// A WebGL2 context on the page's canvas, and egui's painter over it;
    /// none (and an error in the console) if the browser refuses one. The
    /// page checked WebGL2 before loading the game.
    fn on_canvas(id: &str) -> Option<Painter> {
        let canvas = web_sys::window()?
            .document()?
            .get_element_by_id(id)?
            .dyn_into::<web_sys::HtmlCanvasElement>()
            .ok()?;
        // egui smooths its own edges; no depth, no stencil: nothing else is drawn.
        let options = js_sys::Object::new();
        for (key, value) in [
            ("antialias", false),
            ("depth", false),
            ("stencil", false),
            ("premultipliedAlpha", true),
            ("preserveDrawingBuffer", false),
        ] {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        let context = canvas
            .get_context_with_context_options("webgl2", &options)
            .ok()??
            .dyn_into::<web_sys::WebGl2RenderingContext>()
            .ok()?;
        #[expect(
            clippy::arc_with_non_send_sync,
            reason = "egui_glow's painter takes an Arc; the browser runs one thread"
        )]
        let gl = Arc::new(egui_glow::glow::Context::from_webgl2_context(context));
        match egui_glow::Painter::new(gl, "", None, true) {
            Ok(egui) => Some(Painter { canvas, egui }),
            Err(e) => {
                log::error!("WebGL2 : le dessin du jeu n'a pas pu démarrer : {e}");
                None
            }
        }
    }
}
