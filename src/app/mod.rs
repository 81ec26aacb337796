//! The browser app (wasm32 only): loads the corpus bundle beside the page, keeps
//! the view state in the URL, and renders the views.
//!
//! Everything the views compute comes from the library's pure functions
//! (`query`, `terms`, `table`, `export`); this module and its children only hold
//! state, talk to the browser and draw.

mod chart;
mod contexts;
mod dom;
mod embed;
mod figures;
mod filters;
mod i18n;
mod indicators;
mod keywords;
mod plot;
mod reader;
mod rows;
mod url;

use crate::bundle;
use crate::model::Corpus;
use crate::query::{select, Filter, Selection};
use crate::state::{Lang, View, ViewState};
use i18n::{label, tr};
use leptos::prelude::*;
use std::sync::Arc;

/// Mounts the app on `<body>`.
pub fn start() {
    leptos::mount::mount_to_body(App);
}

/// What every view reads: the URL state, the corpus and the current selection.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: RwSignal<ViewState>,
    /// The corpus: the index at first, the whole corpus once a view has needed
    /// the text part (see [`TextLoad`]).
    pub corpus: RwSignal<Arc<Corpus>>,
    pub filter: Memo<Filter>,
    pub sel: Memo<Selection>,
    pub lang: Memo<Lang>,
}

impl Ctx {
    pub fn tr(&self, zh: &'static str, en: &'static str) -> &'static str {
        tr(self.lang.get(), zh, en)
    }

    /// The label in the current language, following changes (see [`label`]).
    pub fn t(
        &self,
        zh: &'static str,
        en: &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        label(self.lang, zh, en)
    }

    /// Opens a sentence in the reader.
    pub fn open_sentence(&self, doc: &str, sentence: &str) {
        let (doc, sentence) = (doc.to_string(), sentence.to_string());
        self.state.update(|s| {
            s.view = View::Reader;
            s.read = Some(doc);
            s.sentence = Some(sentence);
        });
    }
}

/// The bundle, once fetched.
#[derive(Clone)]
enum Load {
    Loading,
    Ready(Arc<Corpus>),
    Failed(String),
}

/// Fetches a file beside the page (relative URL: the app works under any
/// sub-path).
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !resp.ok() {
        return Err(format!(
            "{url}: HTTP {} {}",
            resp.status(),
            resp.status_text()
        ));
    }
    resp.binary().await.map_err(|e| format!("{url}: {e}"))
}

async fn fetch_corpus() -> Result<Corpus, String> {
    let bytes = fetch_bytes(bundle::FILE_NAME).await?;
    bundle::decode_index(&bytes).map_err(|e| format!("{}: {e}", bundle::FILE_NAME))
}

/// The text part: fetched the first time a view needs words, not before, so the
/// first view (indicators) transfers only the index.
#[derive(Clone, PartialEq, Eq)]
pub enum TextLoad {
    Idle,
    Loading,
    Failed(String),
}

/// Views that read the words, not only the figures.
fn needs_text(s: &ViewState) -> bool {
    matches!(s.view, View::Keywords | View::Contexts | View::Reader) || !s.filter.q.is_empty()
}

/// Loads the text part when the state first needs it.
fn load_text_when_needed(
    state: RwSignal<ViewState>,
    corpus: RwSignal<Arc<Corpus>>,
    text: RwSignal<TextLoad>,
) {
    Effect::new(move |_| {
        if !state.with(needs_text)
            || corpus.with_untracked(|c| c.has_text())
            || text.get_untracked() != TextLoad::Idle
        {
            return;
        }
        text.set(TextLoad::Loading);
        leptos::task::spawn_local(async move {
            let url = bundle::TEXT_FILE_NAME;
            let result = fetch_bytes(url).await.and_then(|bytes| {
                let mut c = corpus.with_untracked(|c| Corpus::clone(c));
                bundle::decode_text(&mut c, &bytes).map_err(|e| format!("{url}: {e}"))?;
                Ok(c)
            });
            match result {
                Ok(c) => {
                    corpus.set(Arc::new(c));
                    text.set(TextLoad::Idle);
                }
                Err(e) => text.set(TextLoad::Failed(e)),
            }
        });
    });
}

/// Stands in for a view while the text part loads, or says why it did not.
#[component]
fn TextPending(text: RwSignal<TextLoad>, lang: Memo<Lang>) -> impl IntoView {
    move || {
        match text.get() {
        TextLoad::Failed(e) => view! { <ErrorView lang=lang error=e /> }.into_any(),
        _ => view! {
            <p class="loading" role="status">{label(lang, "正在载入全文……", "Loading the full text…")}</p>
        }
        .into_any(),
    }
    }
}

#[component]
fn App() -> impl IntoView {
    let state = RwSignal::new(url::read());
    url::sync(state);
    embed::setup(state);
    let embedded = state.with_untracked(embed::is_embed);
    let load = RwSignal::new(Load::Loading);
    leptos::task::spawn_local(async move {
        load.set(match fetch_corpus().await {
            Ok(c) => Load::Ready(Arc::new(c)),
            Err(e) => Load::Failed(e),
        });
    });
    let lang = Memo::new(move |_| state.with(|s| s.lang));
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", tr(l, "zh-Hans", "en"));
        }
        document().set_title(tr(
            l,
            "报告 baogao · 政府工作报告数据与文本",
            "baogao · Chinese government work reports, numbers and words",
        ));
    });

    view! {
        <Show when=move || !embedded>
        <header class="masthead">
            <div class="brand">
                <h1>{label(lang, "报告", "baogao")}</h1>
                <p class="tagline">
                    {label(lang,
                        "逐句对照地方政府工作报告的数字与文字",
                        "Local-government work reports: numbers and words side by side")}
                </p>
            </div>
            <embed::EmbedDialog state=state lang=lang />
            <LangSwitch state=state lang=lang />
        </header>
        <nav class="views" aria-label=label(lang, "视图", "Views")>
            {View::ALL.into_iter().map(|v| view! { <ViewTab state=state view=v /> }).collect_view()}
        </nav>
        </Show>
        <main id="main">
            {move || match load.get() {
                Load::Loading => view! {
                    <p class="loading" role="status">
                        {label(lang, "正在载入报告……", "Loading reports…")}
                    </p>
                }.into_any(),
                Load::Failed(e) => view! { <ErrorView lang=lang error=e /> }.into_any(),
                Load::Ready(corpus) => view! { <Views state=state corpus=corpus lang=lang /> }.into_any(),
            }}
        </main>
    }
}

/// The language switch: one button naming the other language.
#[component]
fn LangSwitch(state: RwSignal<ViewState>, lang: Memo<Lang>) -> impl IntoView {
    view! {
        <button
            class="lang"
            lang=label(lang, "en", "zh-Hans")
            aria-label=label(lang, "Switch to English", "切换到中文")
            on:click=move |_| state.update(|s| s.lang = match s.lang { Lang::Zh => Lang::En, Lang::En => Lang::Zh })
        >
            {label(lang, "English", "中文")}
        </button>
    }
}

pub fn view_name(lang: Lang, v: View) -> &'static str {
    match v {
        View::Indicators => tr(lang, "指标", "Indicators"),
        View::Keywords => tr(lang, "关键词", "Keywords"),
        View::Contexts => tr(lang, "语境", "Contexts"),
        View::Reader => tr(lang, "阅读", "Reader"),
        View::Figures => tr(lang, "数字", "Figures"),
    }
}

#[component]
fn ViewTab(state: RwSignal<ViewState>, view: View) -> impl IntoView {
    let current = move || state.with(|s| s.view == view);
    view! {
        <button
            class="tab"
            class:current=current
            aria-current=move || if current() { "page" } else { "false" }
            on:click=move |_| state.update(|s| s.view = view)
        >
            {move || view_name(state.with(|s| s.lang), view)}
        </button>
    }
}

/// Shown instead of the views when the corpus cannot be loaded.
#[component]
fn ErrorView(lang: Memo<Lang>, error: String) -> impl IntoView {
    view! {
        <section class="error" role="alert">
            <h2>{label(lang, "无法载入报告数据", "The report data could not be loaded")}</h2>
            <p><code>{error}</code></p>
            <p>{label(lang,
                "请确认 corpus.bin 与本页位于同一目录，且由同一版本的 baogao 生成。",
                "Check that corpus.bin sits beside this page and was built by the same version of baogao.")}</p>
        </section>
    }
}

#[component]
fn Views(state: RwSignal<ViewState>, corpus: Arc<Corpus>, lang: Memo<Lang>) -> impl IntoView {
    let corpus = RwSignal::new(corpus);
    let text = RwSignal::new(TextLoad::Idle);
    load_text_when_needed(state, corpus, text);
    let has_text = Memo::new(move |_| corpus.with(|c| c.has_text()));
    let filter = Memo::new(move |_| state.with(|s| s.filter.clone()));
    let sel = Memo::new(move |_| {
        corpus.with(|c| filter.with(|f| dom::timed("baogao:select", || select(c, f))))
    });
    let ctx = Ctx {
        state,
        corpus,
        filter,
        sel,
        lang,
    };
    provide_context(ctx);
    let current = Memo::new(move |_| state.with(|s| s.view));
    view! {
        {if embed::is_embed(&state.get_untracked()) {
            view! { <embed::EmbedHeader /> }.into_any()
        } else {
            view! { <filters::FilterBar /> }.into_any()
        }}
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || view_name(lang.get(), current.get())}</h2>
            {move || match current.get() {
                View::Indicators => view! { <indicators::IndicatorsView /> }.into_any(),
                View::Figures => view! { <figures::FiguresView /> }.into_any(),
                _ if !has_text.get() => view! { <TextPending text=text lang=lang /> }.into_any(),
                View::Reader => view! { <reader::ReaderView /> }.into_any(),
                View::Keywords => view! { <keywords::KeywordsView /> }.into_any(),
                View::Contexts => view! { <contexts::ContextsView /> }.into_any(),
            }}
        </section>
    }
}
