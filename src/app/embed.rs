//! Newsroom embeds: `?embed=1` shows the one view of the URL state with a compact
//! header instead of the masthead, navigation and filter bar; `theme=` forces the
//! colours; a framed page reports its height to the host page (`www/embed.js`
//! resizes the iframe); and the full app offers an "Embed" dialog that writes the
//! snippet for the current view.
//!
//! The message protocol is a public API, like the URL state: the app posts
//! `{type: "baogao:height", height: <CSS px, integer>}` to `window.parent` on load
//! and whenever its content height changes.

use super::i18n::{group, label, tr};
use super::{view_name, Ctx};
use crate::state::{Lang, Theme, View, ViewState};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Whether the page shows an embed (the masthead, view tabs and filter bar hidden).
pub fn is_embed(state: &ViewState) -> bool {
    state.embed
}

/// Page-wide effects of the URL state that are not components: the `theme` as
/// `data-theme` on `<html>` (the stylesheet keys its colours on it), `class="embed"`
/// on `<body>`, and the height reports to the host page when framed.
pub fn setup(state: RwSignal<ViewState>) {
    Effect::new(move |_| {
        let theme = state.with(|s| s.theme);
        if let Some(root) = document().document_element() {
            let _ = match theme {
                Theme::Auto => root.remove_attribute("data-theme"),
                t => root.set_attribute("data-theme", t.id()),
            };
        }
    });
    if state.with_untracked(is_embed) {
        if let Some(body) = document().body() {
            let _ = body.class_list().add_1("embed");
        }
    }
    report_height();
}

/// Whether this page runs inside a frame (`window.parent !== window`).
fn framed() -> Option<web_sys::Window> {
    let w = window();
    let parent = w.parent().ok().flatten()?;
    let same = js_sys::Object::is(parent.as_ref(), w.as_ref());
    (!same).then_some(parent)
}

/// The height of the content in CSS pixels. The root element's box, not its
/// `scrollHeight`: that is at least the viewport (the iframe's current height), so
/// a frame could grow but never shrink back.
fn content_height() -> i32 {
    document()
        .document_element()
        .map(|e| e.get_bounding_client_rect().height().ceil() as i32)
        .unwrap_or(0)
}

/// Posts the content height to the parent now and after every change of size of
/// `<html>` or `<body>` (a ResizeObserver fires once per frame at most, and only the
/// changed heights are sent).
fn report_height() {
    let Some(parent) = framed() else {
        return;
    };
    let last = Rc::new(Cell::new(-1));
    let send = Rc::new(move || {
        let height = content_height();
        if height <= 0 || height == last.get() {
            return;
        }
        last.set(height);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"baogao:height".into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(height));
        // Target origin "*": the app cannot know which newsroom frames it (any site
        // may, and `document.referrer` is cut by referrer policies), and the message
        // holds one number any framing page can see anyway from the iframe's layout
        // — nothing secret leaves. The receiving side is the one that must check:
        // embed.js accepts it only from the app's origin and from the iframe's own
        // window.
        let _ = parent.post_message(&msg, "*");
    });
    send();
    let on_resize = {
        let send = send.clone();
        Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| send())
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        if let Some(root) = document().document_element() {
            observer.observe(&root);
        }
        if let Some(body) = document().body() {
            observer.observe(&body);
        }
    }
    // Both live as long as the page.
    on_resize.forget();
    let on_load = gloo::events::EventListener::new(&window(), "load", move |_| send());
    on_load.forget();
}

/// `origin + pathname` of the page: the app's own address without query or hash.
fn page_base() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// The full explorer's URL for this state: the same view without `embed`/`theme`.
pub fn full_url(state: &ViewState) -> String {
    let mut s = state.clone();
    s.embed = false;
    s.theme = Theme::Auto;
    format!("{}{}", page_base(), s.to_query())
}

/// The embed URL for this state (the theme is kept).
pub fn embed_url(state: &ViewState) -> String {
    let mut s = state.clone();
    s.embed = true;
    format!("{}{}", page_base(), s.to_query())
}

/// The URL of `embed.js`, beside the page.
fn script_url() -> String {
    let href = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base("embed.js", &href)
        .map(|u| u.href())
        .unwrap_or_else(|_| "embed.js".into())
}

fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The snippet a newsroom pastes: the iframe (with a fixed-height fallback of 600
/// px) and the resizer script.
pub fn snippet(state: &ViewState) -> String {
    let title = format!("baogao · {}", view_name(state.lang, state.view));
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"600\" style=\"border:0\"></iframe>\n<script src=\"{}\" async></script>",
        html_attr(&embed_url(state)),
        html_attr(&title),
        html_attr(&script_url()),
    )
}

/// The title of the embedded view: the view's name, and for the indicator chart
/// the indicator's name.
fn title(ctx: &Ctx) -> String {
    let lang = ctx.lang.get();
    let (view, indicator) = ctx.state.with(|s| (s.view, s.indicator.clone()));
    let mut t = view_name(lang, view).to_string();
    if view == View::Indicators {
        let name = indicator.and_then(|id| {
            ctx.corpus.with(|c| {
                c.indicator(&id).map(|i| match lang {
                    Lang::Zh => i.name_zh.clone(),
                    Lang::En => i.name_en.clone(),
                })
            })
        });
        if let Some(n) = name {
            t.push_str(tr(lang, "：", ": "));
            t.push_str(&n);
        }
    }
    t
}

/// The compact header of an embed: the view's title, what is selected, and the
/// link to the same view in the full explorer (new tab: the reader keeps the
/// article).
#[component]
pub fn EmbedHeader() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let summary = move || {
        let (docs, years) = ctx.sel.with(|sel| {
            let years: Vec<i32> = ctx.corpus.with(|c| {
                sel.docs
                    .iter()
                    .filter_map(|&d| c.docs.get(d as usize).and_then(|d| d.year()))
                    .collect()
            });
            (sel.docs.len(), years)
        });
        let span = match (years.iter().min(), years.iter().max()) {
            (Some(a), Some(b)) if a != b => format!(" · {a}–{b}"),
            (Some(a), _) => format!(" · {a}"),
            _ => String::new(),
        };
        match ctx.lang.get() {
            Lang::Zh => format!("{} 份报告{span}", group(docs)),
            Lang::En => format!("{} reports{span}", group(docs)),
        }
    };
    view! {
        <header class="embed-head">
            <strong>{move || title(&ctx)}</strong>
            <span>
                <span class="summary">{summary}</span>
                " · "
                <a
                    href=move || ctx.state.with(full_url)
                    target="_blank"
                    rel="noopener"
                >
                    {ctx.t("来源 baogao · 打开完整浏览器", "source: baogao · open the full explorer")}
                </a>
            </span>
        </header>
    }
}

/// The "Embed" button of the full app and its dialog with the snippet for the
/// current view.
#[component]
pub fn EmbedDialog(state: RwSignal<ViewState>, lang: Memo<Lang>) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copied = RwSignal::new(false);
    let code = Memo::new(move |_| state.with(snippet));
    let select_all = move || {
        if let Some(a) = area.get() {
            let _ = a.focus();
            a.select();
        }
    };
    let copy = move |_| {
        select_all();
        let text = code.get_untracked();
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
                .await
                .is_ok();
            // Without clipboard access the text stays selected for Ctrl-C.
            copied.set(ok);
        });
    };
    view! {
        <button
            class="embed-open"
            aria-haspopup="dialog"
            on:click=move |_| {
                copied.set(false);
                if let Some(d) = dialog.get() {
                    let _ = d.show_modal();
                }
                select_all();
            }
        >
            {label(lang, "嵌入", "Embed")}
        </button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="embed-title">
            <h2 id="embed-title">{label(lang, "嵌入本视图", "Embed this view")}</h2>
            <p>{label(lang,
                "把下面的代码粘贴到文章中。iframe 显示当前视图（含筛选），脚本让它的高度随内容变化。",
                "Paste this code into an article. The iframe shows the current view with its filters; the script makes its height follow the content.")}</p>
            <textarea
                node_ref=area
                readonly
                rows="5"
                spellcheck="false"
                aria-label=label(lang, "嵌入代码", "Embed code")
                prop:value=move || code.get()
            ></textarea>
            <p class="note">{label(lang,
                "没有脚本时（或网站不允许外部脚本），iframe 保持 height=\"600\" 的固定高度，可按需修改；内容超出时在框内滚动。若网站的内容安全策略禁止行内样式，请在样式表中写 iframe { border: 0 }。",
                "Without the script (or where the site allows no outside scripts) the iframe keeps the fixed height=\"600\"; change it as needed, longer content scrolls inside the frame. If the site's Content-Security-Policy forbids inline styles, set iframe { border: 0 } in its stylesheet instead.")}</p>
            <div class="toolbar">
                <button class="primary" on:click=copy>
                    {move || if copied.get() { tr(lang.get(), "已复制", "Copied") } else { tr(lang.get(), "复制代码", "Copy code") }}
                </button>
                <form method="dialog">
                    <button>{label(lang, "关闭", "Close")}</button>
                </form>
            </div>
        </dialog>
    }
}
