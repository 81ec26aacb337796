//! The domain types every stage shares: what a cleaned report, a document, a
//! sentence, a fact and the whole corpus are.
//!
//! These types are written by the native pipeline (`cargo run -- bundle`) and read by
//! the browser app from the bundle, so they are defined once, here, with serde. This
//! module owns no behaviour beyond small accessors; cleaning lives in `clean`,
//! structure in `structure`, numbers in `facts`, tokens in `terms`.

use serde::{Deserialize, Serialize};

/// The script a document is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    #[default]
    Simplified,
    Traditional,
}

impl Script {
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
        }
    }
}

/// The character that stands for a character lost in transmission and not
/// recovered with confidence. Shown to readers, never counted as a keyword.
pub const UNKNOWN_CHAR: char = '\u{FFFD}';

/// What cleaning did to one document, for readers who want to know how much of
/// the text is reconstruction.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repairs {
    /// Pinyin annotations such as `(qū)` removed after a character.
    pub pinyin_removed: u32,
    /// One-byte-misaligned GBK runs found.
    pub mojibake_runs: u32,
    /// Characters restored inside those runs.
    pub chars_recovered: u32,
    /// Characters that could not be restored and are shown as [`UNKNOWN_CHAR`].
    pub chars_unknown: u32,
}

/// How a span of the display text came to be, when it is not plain source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// Reconstructed from mojibake.
    Repaired,
    /// Lost; shown as [`UNKNOWN_CHAR`].
    Unknown,
}

/// A span of the display text (character offsets, end exclusive) that was repaired
/// or is unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub start: u32,
    pub end: u32,
    pub kind: MarkKind,
}

/// A span of years, inclusive at both ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

/// Who delivered the report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    /// 区长, 区委书记 …, when the text says it.
    pub role: Option<String>,
}

/// Dates the text (or its page header) states, as ISO `YYYY-MM-DD`, or `YYYY-MM`
/// / `YYYY` when only that much is known.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dates {
    /// When the page or document was published.
    pub published: Option<String>,
    /// When the report was delivered to the meeting.
    pub delivered: Option<String>,
}

/// What kind of document a report is. The string forms are the stable ids used in
/// URLs, CSV and JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// 政府工作报告
    WorkReport,
    /// 年度主要工作 / 工作要点 / 工作计划
    WorkPlan,
    /// 全会报告 or a news report of one
    PlenumReport,
    /// 改革方案 / 实施方案
    ReformPlan,
    /// 国民经济和社会发展计划执行情况与计划草案的报告: the year's economic plan,
    /// delivered beside the work report
    PlanReport,
    /// 预算执行情况和预算草案的报告, 决算: the budget
    BudgetReport,
    /// 国民经济和社会发展第N个五年规划纲要: the five-year plan's outline
    FiveYearPlan,
    #[default]
    Other,
}

impl DocKind {
    pub const ALL: [DocKind; 8] = [
        DocKind::WorkReport,
        DocKind::WorkPlan,
        DocKind::PlenumReport,
        DocKind::ReformPlan,
        DocKind::PlanReport,
        DocKind::BudgetReport,
        DocKind::FiveYearPlan,
        DocKind::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DocKind::WorkReport => "work_report",
            DocKind::WorkPlan => "work_plan",
            DocKind::PlenumReport => "plenum_report",
            DocKind::ReformPlan => "reform_plan",
            DocKind::PlanReport => "plan_report",
            DocKind::BudgetReport => "budget_report",
            DocKind::FiveYearPlan => "five_year_plan",
            DocKind::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            DocKind::WorkReport => "政府工作报告",
            DocKind::WorkPlan => "年度工作要点",
            DocKind::PlenumReport => "全会报告",
            DocKind::ReformPlan => "改革方案",
            DocKind::PlanReport => "计划报告",
            DocKind::BudgetReport => "预算报告",
            DocKind::FiveYearPlan => "规划纲要",
            DocKind::Other => "其他",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            DocKind::WorkReport => "Government work report",
            DocKind::WorkPlan => "Annual work plan",
            DocKind::PlenumReport => "Party plenum report",
            DocKind::ReformPlan => "Reform plan",
            DocKind::PlanReport => "Economic plan report",
            DocKind::BudgetReport => "Budget report",
            DocKind::FiveYearPlan => "Five-year plan",
            DocKind::Other => "Other",
        }
    }
}

/// What a section is within the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    #[default]
    Body,
    /// 名词解释 / 附注: the glossary at the end.
    Glossary,
}

/// A numbered heading and everything under it until the next heading of the same
/// or a higher level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Stable within the document: `s1`, `s1.2`, `s1.2.3` …
    pub id: String,
    pub parent: Option<String>,
    /// 1 for 一、 / 第X部分, 2 for (一), 3 for 1., 4 for (1) / ①.
    pub level: u8,
    /// The numbering as written: `一、`, `(一)`, `1.`.
    pub label: String,
    /// The heading text after the label.
    pub title: String,
    pub kind: SectionKind,
    /// Character offset of the heading in the display text.
    pub start: u32,
}

/// One glossary entry (名词解释).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub term: String,
    pub definition: String,
}

/// A sentence of the display text, with its simplified form for analysis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Stable within the document: `p12.3` = third sentence of paragraph 12.
    pub id: String,
    /// The id of the innermost section it belongs to, if any.
    pub section: Option<String>,
    pub paragraph: u32,
    /// Character offsets into the document's display text, end exclusive.
    pub start: u32,
    pub end: u32,
    /// Display text, in the document's own script.
    pub text: String,
    /// Normalized simplified text used for search and analysis.
    pub norm: String,
    /// Token ids into [`Corpus::vocab`], in order, stopwords included. Empty until
    /// segmentation has run.
    #[serde(default)]
    pub tokens: Vec<u32>,
}

/// Whether a figure is a result, a promise or a running total.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    #[default]
    Actual,
    Target,
    Cumulative,
}

impl FactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Actual => "actual",
            FactKind::Target => "target",
            FactKind::Cumulative => "cumulative",
        }
    }
}

/// One quantitative claim in one sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Fact {
    /// Source file name.
    pub file: String,
    /// Document id.
    pub doc: String,
    /// Sentence id within the document.
    pub sentence: String,
    /// Catalog id (`gdp`, `retail_sales` …) or `None` when no indicator matches.
    pub indicator: Option<String>,
    /// What is measured, as written.
    pub subject: String,
    /// The level as written (1488 for 1488亿元); `None` when only a change is stated.
    pub value: Option<f64>,
    /// The unit as written (亿元, %, 万户 …).
    pub unit: Option<String>,
    /// `value` in base units (亿元 → × 1e8).
    pub value_base: Option<f64>,
    /// Growth in percent; negative for 下降/减少/回落.
    pub change_pct: Option<f64>,
    /// Change in percentage points.
    pub change_pp: Option<f64>,
    /// 左右, 以上, 以内, 突破, 超过, 近, 约, 力争 …
    pub qualifier: Option<String>,
    pub kind: FactKind,
    pub period_start: Option<i32>,
    pub period_end: Option<i32>,
    /// Part of the year: `H1` for 上半年, `M1-M7` for 1-7月, `Q1` …; `None` for a whole year.
    pub period_part: Option<String>,
    /// The quoted words the fact was read from (a substring of the sentence).
    pub quote: String,
    /// Character span of `quote` within the sentence text, end exclusive.
    pub quote_start: u32,
    pub quote_end: u32,
}

/// One entry of the canonical indicator catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// Other names, in both scripts.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The canonical unit (亿元, %, 元 …).
    pub unit: String,
}

/// One report: metadata, display text and its structure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Doc {
    /// Stable id, derived from the file name (`000_1181c9d094e6c846`).
    pub id: String,
    pub file: String,
    pub title: String,
    /// 罗湖区, 福田区 … or 深圳市.
    pub district: Option<String>,
    pub kind: DocKind,
    pub dates: Dates,
    pub period_reviewed: Option<Period>,
    pub period_planned: Option<Period>,
    pub speaker: Option<Speaker>,
    /// 第六届人民代表大会第三次会议 …
    pub meeting: Option<String>,
    pub source_url: Option<String>,
    pub script: Script,
    pub repairs: Repairs,
    /// The repaired display text, in the document's own script.
    pub text: String,
    pub marks: Vec<Mark>,
    pub sections: Vec<Section>,
    pub glossary: Vec<GlossaryEntry>,
    pub sentences: Vec<Sentence>,
    pub facts: Vec<Fact>,
}

impl Doc {
    /// The title shown for the document: its own, else (a copy that lost it)
    /// its id, the file it was read from.
    pub fn shown_title(&self) -> &str {
        match self.title.is_empty() {
            true => &self.id,
            false => &self.title,
        }
    }

    /// The year the document is filed under: the planned year, else the last year
    /// reviewed, else the publication year.
    pub fn year(&self) -> Option<i32> {
        self.period_planned
            .map(|p| p.start)
            .or(self.period_reviewed.map(|p| p.end))
            .or_else(|| {
                let d = self
                    .dates
                    .delivered
                    .as_ref()
                    .or(self.dates.published.as_ref())?;
                d.get(..4)?.parse().ok()
            })
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn sentence(&self, id: &str) -> Option<&Sentence> {
        self.sentences.iter().find(|s| s.id == id)
    }

    /// Characters of display text, for rates per 10,000 characters.
    pub fn char_len(&self) -> usize {
        self.sentences.iter().map(|s| s.norm.chars().count()).sum()
    }
}

/// Whether a target was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    Met,
    Missed,
    NoResultYet,
}

impl TargetStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetStatus::Met => "met",
            TargetStatus::Missed => "missed",
            TargetStatus::NoResultYet => "no_result_yet",
        }
    }
}

/// A target paired with the result reported for the same district, indicator and
/// year, when the corpus has one. Indexes point into `Corpus::docs[doc].facts`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetCheck {
    /// (document index, fact index) of the target.
    pub target: (u32, u32),
    /// (document index, fact index) of the matching actual, if any.
    pub result: Option<(u32, u32)>,
    pub status: TargetStatus,
}

/// Everything the app ships: documents, the token vocabulary, the indicator
/// catalog, and the target checks across documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Corpus {
    pub docs: Vec<Doc>,
    /// Token strings (simplified); `Sentence::tokens` index into this.
    pub vocab: Vec<String>,
    /// Per vocab entry: true when the token is a default stopword (function word,
    /// punctuation, number, unit, unknown marker).
    pub stop: Vec<bool>,
    /// Per vocab entry: true when the token is policy boilerplate (推进, 加快 …).
    pub boilerplate: Vec<bool>,
    pub indicators: Vec<Indicator>,
    pub targets: Vec<TargetCheck>,
    /// Traditional → simplified character pairs (`"為为們们…"`: each traditional
    /// character followed by its simplified form), for folding a reader's search
    /// text in the browser, where no phrase converter is shipped.
    pub t2s: String,
    /// Term counts per document, built from the tokens the first time a keyword
    /// statistic needs them (see `terms::TermIndex`); never stored in the bundle.
    /// Whoever changes documents' tokens must call [`Corpus::tokens_changed`].
    #[serde(skip)]
    pub term_index: std::sync::OnceLock<crate::terms::TermIndex>,
}

impl Corpus {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Whether the words are here: an app that has only read the bundle's index
    /// has metadata, sentence skeletons and facts, but no text or tokens yet.
    pub fn has_text(&self) -> bool {
        self.docs
            .iter()
            .all(|d| d.sentences.is_empty() || !d.text.is_empty())
    }

    /// Term counts per document, built on first use.
    pub fn term_index(&self) -> &crate::terms::TermIndex {
        self.term_index
            .get_or_init(|| crate::terms::TermIndex::build(self))
    }

    /// Drops the derived term index after the documents' tokens changed.
    pub fn tokens_changed(&mut self) {
        self.term_index = std::sync::OnceLock::new();
    }

    pub fn doc(&self, id: &str) -> Option<&Doc> {
        self.docs.iter().find(|d| d.id == id)
    }

    /// Folds text typed by a reader to the simplified form the sentences' `norm`
    /// uses, character by character with [`Corpus::t2s`]; full-width forms fold to
    /// ASCII as they do in the documents.
    pub fn fold_query(&self, q: &str) -> String {
        let table: Vec<char> = self.t2s.chars().collect();
        q.trim()
            .chars()
            .map(|c| {
                let c = crate::model::fold_width(c);
                table
                    .chunks_exact(2)
                    .find(|p| p[0] == c)
                    .map_or(c, |p| p[1])
            })
            .collect()
    }
}

/// Folds full-width forms (U+FF01–FF5E) and the ideographic space to ASCII, as the
/// source pages were folded before they were saved.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}
