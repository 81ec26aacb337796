//! The keyword view: top terms, a trend chart for up to five chosen terms,
//! distinctive terms of the selection, co-occurring terms, and the stopword
//! switches.

use super::chart::{Plot, PlotPoint, PlotSeries};
use super::dom;
use super::i18n::num;
use super::plot::PlotView;
use super::rows;
use super::Ctx;
use crate::export::{to_csv, Cell};
use crate::state::{Lang, MAX_TERMS};
use crate::terms::{cooccurrence, keyness, top_terms, trend, trend_by_year, TermOptions, TermStat};
use leptos::prelude::*;

const TOP: usize = 30;

/// The top-terms list as HTML: a toggle button per term, its bar and its counts.
fn bars_html(ctx: Ctx, top: &[TermStat], chosen: &[String], explicit: bool) -> String {
    let max = top.first().map_or(1.0, |t| t.per_10k.max(1e-9));
    let mut html = String::with_capacity(top.len() * 240);
    ctx.corpus.with(|c| {
        for t in top {
            let word = &c.vocab[t.term as usize];
            let pressed = explicit && chosen.contains(word);
            let w = rows::escape(word);
            html.push_str(&format!(
                "<li><button class=\"term\" aria-pressed=\"{pressed}\" data-term=\"{w}\">{w}</button>\
                 <svg class=\"bar\" aria-hidden=\"true\" height=\"12\"><rect height=\"12\" width=\"{:.1}%\"/></svg>\
                 <span class=\"num\">{} · {}</span></li>",
                100.0 * t.per_10k / max,
                t.count,
                num(t.per_10k)
            ));
        }
    });
    html
}

#[component]
pub fn KeywordsView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = ctx.state;
    let opts = Memo::new(move |_| {
        state.with(|s| TermOptions {
            hide_boilerplate: !s.boilerplate,
            extra_stop: s.stop.clone(),
        })
    });
    let top = Memo::new(move |_| {
        ctx.corpus.with(|c| {
            ctx.sel.with(|sel| {
                opts.with(|o| dom::timed("baogao:top_terms", || top_terms(c, sel, o, TOP)))
            })
        })
    });
    let word = move |t: u32| ctx.corpus.with(|c| c.vocab[t as usize].clone());
    // Chosen terms, or the three most frequent when none are chosen.
    let chosen = Memo::new(move |_| {
        let t = state.with(|s| s.terms.clone());
        if t.is_empty() {
            top.with(|v| v.iter().take(3).map(|s| word(s.term)).collect())
        } else {
            t
        }
    });
    let toggle = move |w: String| {
        state.update(|s| {
            if let Some(i) = s.terms.iter().position(|x| *x == w) {
                s.terms.remove(i);
            } else if s.terms.len() < MAX_TERMS {
                s.terms.push(w);
            }
        })
    };
    let trend_rows = Memo::new(move |_| {
        let terms = chosen.get();
        ctx.corpus.with(|c| {
            ctx.sel.with(|sel| {
                terms
                    .iter()
                    .enumerate()
                    .flat_map(|(ti, t)| {
                        trend_by_year(&dom::timed("baogao:trend", || trend(c, sel, t)))
                            .into_iter()
                            .map(move |p| (ti, p))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let plot = Memo::new(move |_| {
        let terms = chosen.get();
        let rows = trend_rows.get();
        let series = terms
            .iter()
            .enumerate()
            .map(|(ti, t)| PlotSeries {
                label: t.clone(),
                color: ti,
                target: false,
                line: true,
                points: {
                    // Years ascend already (trend_by_year).
                    rows.iter()
                        .enumerate()
                        .filter(|(_, (i, _))| *i == ti)
                        .map(|(row, (_, p))| PlotPoint {
                            x: p.year as f64,
                            y: p.per_10k,
                            partial: false,
                            row,
                        })
                        .collect()
                },
            })
            .collect();
        let (title, y, source) = match ctx.lang.get() {
            Lang::Zh => (
                "关键词趋势（每万字出现次数）",
                "每万字",
                "来源：各区政府工作报告 · baogao",
            ),
            Lang::En => (
                "Keyword trend (per 10,000 characters)",
                "per 10k chars",
                "Source: district government work reports · baogao",
            ),
        };
        Plot {
            title: title.into(),
            y_label: y.into(),
            source: source.into(),
            series,
            dark: dom::prefers_dark(),
        }
    });
    let tip = Callback::new(move |row: usize| {
        trend_rows
            .with_untracked(|r| r.get(row).cloned())
            .map(|(ti, p)| {
                let term = chosen
                    .with_untracked(|c| c.get(ti).cloned())
                    .unwrap_or_default();
                let docs = ctx.corpus.with(|c| {
                    p.docs
                        .iter()
                        .map(|&d| {
                            let d = &c.docs[d as usize];
                            d.district
                                .clone()
                                .unwrap_or_else(|| d.shown_title().to_string())
                        })
                        .collect::<Vec<_>>()
                        .join(" · ")
                });
                format!(
                    "{term} · {}\n{docs}\n{} × · {} / 10k",
                    p.year,
                    p.count,
                    num(p.per_10k)
                )
            })
            .unwrap_or_default()
    });
    let open = Callback::new(move |row: usize| {
        if let Some((ti, p)) = trend_rows.with_untracked(|r| r.get(row).cloned()) {
            let term = chosen
                .with_untracked(|c| c.get(ti).cloned())
                .unwrap_or_default();
            // The concordance of that term in that year's documents.
            let ids: Vec<String> = ctx.corpus.with(|c| {
                p.docs
                    .iter()
                    .map(|&d| c.docs[d as usize].id.clone())
                    .collect()
            });
            state.update(|s| {
                s.view = crate::state::View::Contexts;
                s.terms = vec![term];
                s.filter.docs = ids;
            });
        }
    });
    let stem = Signal::derive(move || dom::file_stem(&["trend", &chosen.get().join("_")]));
    let key = Memo::new(move |_| {
        ctx.corpus.with(|c| {
            ctx.sel
                .with(|sel| opts.with(|o| dom::timed("baogao:keyness", || keyness(c, sel, o, 20))))
        })
    });
    let co = Memo::new(move |_| {
        let first = chosen.with(|c| c.first().cloned());
        first
            .map(|t| {
                ctx.corpus.with(|c| {
                    ctx.sel.with(|sel| {
                        opts.with(|o| {
                            dom::timed("baogao:cooccurrence", || cooccurrence(c, sel, o, &t, 15))
                        })
                    })
                })
            })
            .unwrap_or_default()
    });
    let csv = move |_| {
        let body = ctx.corpus.with(|c| {
            top.with(|v| {
                // Aggregates have no single sentence; their provenance is the list
                // of documents (with district and year) the term occurs in.
                let sel = ctx.sel.get_untracked();
                let rows: Vec<Vec<Cell>> = v
                    .iter()
                    .map(|t| {
                        let word = &c.vocab[t.term as usize];
                        let found: Vec<&crate::model::Doc> = trend(c, &sel, word)
                            .iter()
                            .filter(|p| p.count > 0)
                            .map(|p| &c.docs[p.doc as usize])
                            .collect();
                        let join = |f: &dyn Fn(&crate::model::Doc) -> String| {
                            found.iter().map(|d| f(d)).collect::<Vec<_>>().join("; ")
                        };
                        vec![
                            Cell::from(word.as_str()),
                            Cell::from(t.count as usize),
                            Cell::from(Some(t.per_10k)),
                            Cell::from(t.docs as usize),
                            Cell::from(join(&|d| d.id.clone())),
                            Cell::from(join(&|d| d.district.clone().unwrap_or_default())),
                            Cell::from(join(&|d| {
                                d.year().map(|y| y.to_string()).unwrap_or_default()
                            })),
                        ]
                    })
                    .collect();
                to_csv(
                    &[
                        "term",
                        "count",
                        "per_10k",
                        "docs",
                        "documents",
                        "districts",
                        "years",
                    ],
                    &rows,
                )
            })
        });
        dom::download("baogao-keywords.csv", "text/csv;charset=utf-8", &body);
    };
    view! {
        <div class="toolbar">
            <label class="check">
                <input type="checkbox" prop:checked=move || state.with(|s| !s.boilerplate)
                    on:change=move |ev| { let hide = event_target_checked(&ev); state.update(|s| s.boilerplate = !hide); } />
                {ctx.t("隐藏公文套话（推进、加快、建设……）", "Hide policy boilerplate (推进, 加快, 建设 …)")}
            </label>
            <label>{ctx.t("自定义停用词", "Your stopwords")}" "
                <input type="text" prop:value=move || state.with(|s| s.stop.join(","))
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let words: Vec<String> = v.split([',', '，', ' ', '、']).map(str::trim).filter(|w| !w.is_empty()).map(String::from).collect();
                        state.update(|s| s.stop = words);
                    } />
            </label>
            <button class="primary" on:click=csv>{ctx.t("下载高频词 CSV", "Download top terms CSV")}</button>
        </div>
        <div class="cols">
            <section>
                <h3>{ctx.t("高频词（每万字）", "Top terms (per 10,000 characters)")}</h3>
                // One string per redraw (see `rows`); bars are SVG rectangles whose
                // width is an attribute, so no style attribute meets the CSP.
                <ol
                    class="bars"
                    inner_html=move || bars_html(ctx, &top.get(), &chosen.get(), state.with(|s| !s.terms.is_empty()))
                    on:click=move |ev| {
                        if let Some(w) = rows::clicked_button(&ev, "button[data-term]").and_then(|b| b.get_attribute("data-term")) {
                            toggle(w);
                        }
                    }
                ></ol>
            </section>
            <section>
                <h3>{ctx.t("趋势", "Trend")}</h3>
                <p class="hint">{ctx.t("点击左侧词语选择（最多五个）。", "Choose up to five terms on the left.")}</p>
                <PlotView plot=plot tip=tip open=open stem=stem />
                <h3>{ctx.t("显著词（相对其余报告）", "Distinctive terms (against the rest of the corpus)")}</h3>
                {move || if key.with(|k| k.is_empty()) {
                    view! { <p class="empty">{ctx.t("筛选一部分报告后，这里列出它们相对其余报告的显著词。", "Filter to part of the corpus to see what distinguishes it from the rest.")}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap"><table class="keyness">
                            <thead><tr>
                                <th>{ctx.t("词", "Term")}</th>
                                <th class="num">{ctx.t("所选", "Selection")}</th>
                                <th class="num">{ctx.t("其余", "Rest")}</th>
                                <th class="num">{ctx.t("对数似然", "Log-likelihood")}</th>
                            </tr></thead>
                            <tbody inner_html=move || key.with(|ks| {
                                let mut html = String::new();
                                for k in ks {
                                    html.push_str("<tr>");
                                    rows::cell(&mut html, "", &word(k.term));
                                    rows::cell(&mut html, "num", &k.count_sel.to_string());
                                    rows::cell(&mut html, "num", &k.count_rest.to_string());
                                    rows::cell(&mut html, "num", &num(k.log_likelihood));
                                    html.push_str("</tr>");
                                }
                                html
                            })></tbody>
                        </table></div>
                    }.into_any()
                }}
                <h3>{move || format!("{}「{}」", ctx.tr("同句共现：", "Co-occurring with "), chosen.with(|c| c.first().cloned().unwrap_or_default()))}</h3>
                <p class="cooc">{move || co.get().into_iter().map(|(t, n)| format!("{} ({n})", word(t))).collect::<Vec<_>>().join(" · ")}</p>
            </section>
        </div>
    }
}
