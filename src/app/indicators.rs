//! indicators view (in progress).

use leptos::prelude::*;

#[component]
pub fn IndicatorsView() -> impl IntoView {
    view! { <p>"…"</p> }
}
