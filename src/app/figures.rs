//! figures view (in progress).

use leptos::prelude::*;

#[component]
pub fn FiguresView() -> impl IntoView {
    view! { <p>"…"</p> }
}
