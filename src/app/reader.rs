//! reader view (in progress).

use leptos::prelude::*;

#[component]
pub fn ReaderView() -> impl IntoView {
    view! { <p>"…"</p> }
}
