//! Keeps the view state and the address bar in step: a state change pushes a
//! history entry (so Back and Forward work), and Back/Forward restore the state.

use crate::state::ViewState;
use leptos::prelude::*;

/// The state the current URL describes.
pub fn read() -> ViewState {
    let search = window().location().search().unwrap_or_default();
    ViewState::from_query(&search)
}

/// Pushes each state change to the history and follows Back/Forward.
pub fn sync(state: RwSignal<ViewState>) {
    Effect::new(move |prev: Option<String>| {
        let query = state.with(|s| s.to_query());
        let current = window().location().search().unwrap_or_default();
        if prev.is_some() && query != current {
            let path = window().location().pathname().unwrap_or_default();
            let url = if query.is_empty() {
                path
            } else {
                format!("{path}{query}")
            };
            if let Ok(h) = window().history() {
                let null = wasm_bindgen::JsValue::NULL;
                // An embed replaces its entry: its steps must not pile up in the
                // host article's Back button.
                let _ = if state.with_untracked(|s| s.embed) {
                    h.replace_state_with_url(&null, "", Some(&url))
                } else {
                    h.push_state_with_url(&null, "", Some(&url))
                };
            }
        }
        query
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
