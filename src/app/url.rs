//! Keeps the view state and the address bar in step: a state change pushes a
//! history entry (so Back and Forward work), and Back/Forward restore the state.
//!
//! The history entry is written after the next frame is painted, not while the
//! views update: `history.pushState` costs Chromium several milliseconds, which a
//! filter change should not wait for. Changes within one frame share one entry.

use crate::state::ViewState;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The state the current URL describes.
pub fn read() -> ViewState {
    let search = window().location().search().unwrap_or_default();
    ViewState::from_query(&search)
}

/// Writes the state to the address bar, if it differs from what is there.
fn write(state: RwSignal<ViewState>) {
    let query = state.with_untracked(|s| s.to_query());
    let loc = window().location();
    if query == loc.search().unwrap_or_default() {
        return;
    }
    let path = loc.pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    if let Ok(h) = window().history() {
        let null = JsValue::NULL;
        // An embed replaces its entry: its steps must not pile up in the host
        // article's Back button.
        let _ = if state.with_untracked(|s| s.embed) {
            h.replace_state_with_url(&null, "", Some(&url))
        } else {
            h.push_state_with_url(&null, "", Some(&url))
        };
    }
}

/// Runs `f` once, in the first task after the next animation frame.
fn after_paint(f: impl FnOnce() + 'static) {
    let task = Closure::once_into_js(move || {
        let _ = gloo::timers::callback::Timeout::new(0, f).forget();
    });
    if window()
        .request_animation_frame(task.unchecked_ref())
        .is_err()
    {
        // No frames (a hidden page): write on the next task instead.
        let _ = js_sys::Function::from(task).call0(&JsValue::NULL);
    }
}

/// Pushes each state change to the history and follows Back/Forward.
pub fn sync(state: RwSignal<ViewState>) {
    let pending = Rc::new(Cell::new(false));
    Effect::new(move |seen: Option<()>| {
        state.track();
        // The first state is the URL's own.
        if seen.is_none() || pending.replace(true) {
            return;
        }
        let pending = pending.clone();
        after_paint(move || {
            pending.set(false);
            write(state);
        });
    });
    let listener = gloo::events::EventListener::new(&window(), "popstate", move |_| {
        let next = read();
        if state.with_untracked(|s| *s != next) {
            state.set(next);
        }
    });
    // The listener lives as long as the page.
    listener.forget();
}
