//! The sentence grammar: which numerals in a sentence are quantities, what each
//! measures (subject … value unit), growth (增长/下降 X%, X个百分点), qualifiers
//! (左右, 以内, 突破 …), lists (A、B、C分别…), whether it is a result, a target
//! or a running total, and which years it refers to.
//!
//! Works on one sentence at a time with a [`SentenceContext`] saying what the
//! surrounding report is doing (reviewing or planning, which years). Numerals are
//! `number`, units `units`, time words `period`, indicator names `catalog`.

use super::catalog::Matcher;
use super::number::{self, NumForm, Numeral};
use super::period::{self, TimeMark, TimeWhat};
use super::units::{read_unit, Family};
use crate::model::{FactKind, Period};
use crate::structure::fold::{contains_any, CharSet, PairTable};
use std::sync::OnceLock;

/// Whether the text around a sentence reports results or sets plans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Review,
    Plan,
}

/// What a sentence's figures are read against.
#[derive(Clone, Copy, Debug)]
pub struct SentenceContext<'a> {
    pub mode: Mode,
    /// The years the report reviews (a 2014 report: 2013).
    pub reviewed: Option<Period>,
    /// The years the report plans (a 2014 report: 2014).
    pub planned: Option<Period>,
    /// The year `今年` means.
    pub this_year: Option<i32>,
    pub indicators: &'a Matcher<'a>,
}

/// A fact read from one sentence, without its document provenance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceFact {
    pub indicator: Option<String>,
    pub subject: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub value_base: Option<f64>,
    pub change_pct: Option<f64>,
    pub change_pp: Option<f64>,
    pub qualifier: Option<String>,
    pub kind: FactKind,
    pub period_start: Option<i32>,
    pub period_end: Option<i32>,
    pub period_part: Option<String>,
    /// Character span of the quote in the sentence, end exclusive.
    pub quote_start: usize,
    pub quote_end: usize,
}

/// Traditional characters that matter to the grammar and the units, folded one to
/// one so that offsets stay those of the sentence. The clean stage gives `norm`
/// in simplified script; this keeps reading right when it has not.
const T2S: &str = "億亿萬万兩两點点長长達达實实現现計计別别內内爭争確确個个戶户項项場场臺台張张間间條条棟栋輛辆噸吨畝亩區区際际產产總总額额資资費费稅税財财務务會会業业國国進进規规劃划當当標标準准電电數数與与設设鎮镇記记聯联營营銷销報报對对後后從从為为於于預预過过將将濟济擴扩減减較较階阶帶带農农處处門门頭头車车發发顧顾級级佔占衛卫醫医學学來来時时歲岁屆届號号週周線线議议隊队環环質质氣气顆颗濃浓細细動动勞劳類类優优樓楼舊旧觀观開开關关體体專专東东運运園园圍围員员檢检滿满價价廣广態态應应戰战補补臨临團团陽阳齡龄鏈链億亿總总平平個个權权劃划屬属購购貿贸種种幾几職职務务場场歷历節节積积務务條条級级險险證证單单導导鄉乡樣样緣缘續续韓韩屆届際际圖图書书館馆範范辦办";

/// Folds a traditional character to simplified where it matters for reading figures.
pub fn fold_char(c: char) -> char {
    static TABLE: OnceLock<PairTable> = OnceLock::new();
    TABLE.get_or_init(|| PairTable::new(T2S)).get(c)
}

/// `s` with every character [`fold_char`]ed.
pub fn fold_str(s: &str) -> String {
    // The folds keep the UTF-8 length of these characters: one allocation.
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(fold_char));
    out
}

const CLAUSE_SEPS: &[char] = &[',', ';', ':', '，', '；', '：'];
const SENTENCE_ENDS: &[char] = &['。', '!', '?', '！', '？', '\n'];

const CHANGE_UP: &[&str] = &[
    "增长", "增速", "增幅", "提高", "提升", "上升", "增加", "拉升", "扩大", "攀升", "上涨", "增",
];
const CHANGE_DOWN: &[&str] = &[
    "下降", "减少", "回落", "降低", "下滑", "降幅", "减幅", "缩减", "压减", "压缩", "下调", "降",
    "减",
];
/// Words between a change verb and its figure: 增长 [同比] [了] 9.2%.
const CHANGE_FILLERS: &[&str] = &[
    "同比", "分别", "年均", "平均", "累计", "约", "近", "了", "达", "为", "超过", "逾",
];

const PRE_QUALIFIERS: &[&str] = &[
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "控制在",
    "保持在",
    "稳定在",
    "维持在",
    "突破",
    "超过",
    "力争",
    "达到",
    "高达",
    "接近",
    "约",
    "近",
    "逾",
    "超",
    "最高",
    "至少",
];
const POST_QUALIFIERS: &[&str] = &["左右", "以上", "以内", "以下", "上下", "多", "余"];

const TARGET_MARKERS: &[&str] = &[
    "力争",
    "确保",
    "争取",
    "预期目标",
    "主要目标",
    "目标是",
    "目标为",
    "目标:",
    "预计",
];

/// Leading words that are not part of a subject.
const LEAD_WORDS: &[&str] = &[
    "其中",
    "同时",
    "另外",
    "并且",
    "并",
    "全年",
    "年内",
    "初步统计",
    "据统计",
    "实现",
    "完成",
    "累计",
    "共计",
    "共",
    "力争",
    "确保",
    "争取",
    "预计",
    "新增",
    "建成",
    "引进",
    "创建",
    "推动",
    "推进",
    "持续",
    "进一步",
    "继续",
    "使",
    "将",
    "把",
    "全面",
    "再",
    "已",
    "上半年",
    "今年",
    "去年",
    "增至",
    "增加到",
    "提高到",
    "提高至",
    "降至",
    "比上年",
    "比去年",
    "较上年",
    "较去年",
    "同比",
    "与上年相比",
    "比上年同期",
    "比去年同期",
    "和",
    "及",
    "、",
    "“",
    "”",
    "(",
    ")",
    " ",
    "按",
];
/// Trailing words between a subject and its figure.
const TRAIL_WORDS: &[&str] = &[
    "完成",
    "实现",
    "达到",
    "达",
    "为",
    "是",
    "约",
    "近",
    "超过",
    "突破",
    "增至",
    "增加到",
    "增加至",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "上升到",
    "上升至",
    "降至",
    "下降到",
    "下降至",
    "减少到",
    "减少至",
    "增长到",
    "增长至",
    "扩大到",
    "扩大至",
    "控制在",
    "保持在",
    "稳定在",
    "维持在",
    "累计",
    "共计",
    "合计",
    "共",
    "首次",
    "同比",
    "分别",
    "年均",
    "平均",
    "增长",
    "下降",
    "提高",
    "提升",
    "上升",
    "减少",
    "回落",
    "降低",
    "增加",
    "拉升",
    "的",
    "已",
    "了",
    "高达",
    "逾",
    "超",
    "不低于",
    "不超过",
    "不少于",
    "不高于",
    "由",
    "从",
    "接近",
    "总数",
    "总量",
    "仍",
    "均",
    "以",
    "至",
    "到",
    "",
    " ",
    "“",
    "”",
    "、",
    "和",
    "(",
    "按",
    "新增",
    "力争",
    "累计完成",
    "首次突破",
    "规模",
    "已达",
    "分别为",
    "压减",
    "攀升",
    "升至",
    "减至",
    "缩减",
    "压缩",
    "扩大",
    "-",
    "—",
];

/// Words that start a clause fragment which is not a noun (…3所 因客观条件…).
const NOT_NOUN_START: &[&str] = &[
    "因", "为", "的", "实现", "完成", "增长", "下降", "占", "是", "用于", "以", "在", "和", "与",
    "及", "达", "左右", "以上", "同比", "比", "较", "居", "位", "排", "创", "入", "获", "参加",
    "开展", "进行", "全部", "全", "已", "提供", "实施", "开放", "建成", "的",
];

#[derive(Clone, Debug)]
struct Quantity {
    num: Numeral,
    unit: Option<String>,
    factor: f64,
    family: Option<Family>,
    /// End including a post qualifier.
    end: usize,
    post_qualifier: Option<String>,
}

fn text_of(chars: &[char], a: usize, b: usize) -> String {
    let b = b.min(chars.len());
    let run = &chars[a.min(b)..b];
    // Sized up front: collecting characters grows a String several times.
    let mut s = String::with_capacity(run.iter().map(|c| c.len_utf8()).sum());
    s.extend(run);
    s
}

fn ends_with_at(chars: &[char], end: usize, pat: &str) -> bool {
    let n = pat.chars().count();
    end >= n && number::starts_with(chars, end - n, pat)
}

/// The quantities among the numerals of a sentence: numerals with a unit that are
/// not years, dates, ordinals, document numbers, list labels, ages or names.
fn quantities(orig: &[char], f: &[char]) -> Vec<Quantity> {
    let nums = number::scan(f);
    let mut out: Vec<Quantity> = Vec::new();
    for (k, n) in nums.iter().enumerate() {
        let prev = n.start.checked_sub(1).map(|i| f[i]);
        let next = f.get(n.end).copied();
        if prev == Some('第') || matches!(prev, Some('·') | Some('+') | Some('〔') | Some('[')) {
            continue;
        }
        if matches!(next, Some('·') | Some('+') | Some('〕') | Some(']')) {
            continue;
        }
        if !n.chinese && n.form == NumForm::Plain {
            // Times, dates, ages, document and line numbers.
            let bad_next = [
                "年", "月", "日", "号", "岁", "时", "小时", "分钟", "周年", "世纪", "点",
            ];
            if bad_next.iter().any(|w| number::starts_with(f, n.end, w)) {
                continue;
            }
            if next.is_some_and(|c| c.is_ascii_alphabetic())
                && !number::starts_with(f, n.end, "TEU")
            {
                continue;
            }
            if n.start >= 2 && f[n.start - 2] == 'P' && f[n.start - 1] == 'M' {
                continue;
            }
            // 2014-03-10, /2015-4257676, 00:00
            if matches!(prev, Some('-') | Some('/') | Some(':'))
                && n.start >= 5
                && f[n.start - 5..n.start - 1]
                    .iter()
                    .all(|c| c.is_ascii_digit())
            {
                continue;
            }
            if matches!(prev, Some(':')) || matches!(next, Some(':')) {
                continue;
            }
            if matches!(next, Some('-') | Some('/')) && n.end - n.start == 4 {
                continue;
            }
            // List labels: 1. / 1、 / (1) at the start of a sentence or clause.
            let at_start = n.start == 0
                || f[..n.start]
                    .iter()
                    .rev()
                    .take_while(|c| !SENTENCE_ENDS.contains(c))
                    .all(|c| c.is_whitespace() || *c == '(');
            if at_start && matches!(next, Some('.') | Some('、') | Some(')')) {
                continue;
            }
            if prev == Some('(') && next == Some(')') {
                continue;
            }
        }
        let (mut unit, mut unit_end) = (read_unit(f, n.end), n.end);
        if let Some(u) = &unit {
            unit_end = n.end + u.len;
        }
        if n.form == NumForm::PercentWords {
            unit = Some(super::units::Unit {
                len: 0,
                factor: 1.0,
                family: Family::Percent,
                base: "%",
            });
        }
        // A bare numeral in a list or range takes the unit of the next one:
        // 17、24、25号线; 1-2个.
        if unit.is_none() && n.form == NumForm::Plain {
            if let Some(m) = nums.get(k + 1) {
                let gap = text_of(f, n.end, m.start);
                if ["、", "和", "与", "-", "—", "~", "至", "到"].contains(&gap.as_str()) {
                    // The range's lower end is read with the upper one.
                    continue;
                }
            }
        }
        let Some(u) = unit else {
            if n.form == NumForm::Fraction {
                out.push(Quantity {
                    num: n.clone(),
                    unit: None,
                    factor: 1.0,
                    family: None,
                    end: n.end,
                    post_qualifier: None,
                });
            }
            continue;
        };
        // 亿元楼 is a name; 一成不变 an idiom.
        if number::starts_with(f, unit_end, "楼") || number::starts_with(f, unit_end, "不变") {
            continue;
        }
        if n.chinese && n.form == NumForm::Plain {
            let counter = matches!(u.family, Family::Count | Family::Days) && u.factor == 1.0;
            if counter {
                continue;
            }
        }
        let mut end = unit_end;
        let mut post = None;
        if let Some(q) = POST_QUALIFIERS
            .iter()
            .find(|q| number::starts_with(f, unit_end, q))
        {
            // 多 and 余 only count right after the figure (3万多户 is read as 3万).
            end = unit_end + q.chars().count();
            post = Some(q.to_string());
        }
        out.push(Quantity {
            num: n.clone(),
            unit: if n.form == NumForm::PercentWords {
                Some("%".into())
            } else {
                Some(text_of(orig, n.end, unit_end))
            },
            factor: u.factor,
            family: Some(u.family),
            end,
            post_qualifier: post,
        });
    }
    out
}

/// A word list as characters, longest first, read once: the first word found at a
/// position is the longest there, and no word is decoded again per lookup.
struct Words {
    list: &'static [&'static str],
    chars: OnceLock<Vec<Vec<char>>>,
}

impl Words {
    /// The non-empty words, as characters, longest first.
    fn by_length(&self) -> &[Vec<char>] {
        self.chars.get_or_init(|| {
            let mut chars: Vec<Vec<char>> = self
                .list
                .iter()
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().collect())
                .collect();
            chars.sort_by_key(|w| std::cmp::Reverse(w.len()));
            chars
        })
    }

    /// The length of the longest word `f[a..b]` starts with. Each word's first
    /// character is compared before the rest: most words fail there.
    fn longest_prefix(&self, f: &[char], a: usize, b: usize) -> Option<usize> {
        self.by_length()
            .iter()
            .find(|w| a + w.len() <= b && f[a] == w[0] && f[a..].starts_with(w))
            .map(Vec::len)
    }

    /// The length of the longest word `f[a..b]` ends with.
    fn longest_suffix(&self, f: &[char], a: usize, b: usize) -> Option<usize> {
        self.by_length()
            .iter()
            .find(|w| b >= a + w.len() && f[b - 1] == w[w.len() - 1] && f[..b].ends_with(w))
            .map(Vec::len)
    }
}

static LEAD: Words = Words {
    list: LEAD_WORDS,
    chars: OnceLock::new(),
};
static TRAIL: Words = Words {
    list: TRAIL_WORDS,
    chars: OnceLock::new(),
};

/// Strips lead and trail words from `f[a..b]`; returns the remaining span.
fn strip(f: &[char], marks: &[TimeMark], mut a: usize, mut b: usize) -> (usize, usize) {
    loop {
        let before = (a, b);
        // Time words at either end (2020年的, 上半年) are not the subject.
        for m in marks {
            if m.start == a && m.end <= b {
                a = m.end;
            }
            if m.end == b && m.start >= a {
                b = m.start;
            }
        }
        // The lower end of a range (打造2至3个) is not part of the subject; PM2.5 is.
        let mut j = b;
        while j > a && (f[j - 1].is_ascii_digit() || f[j - 1] == '.') {
            j -= 1;
        }
        if j < b && (j == a || !f[j - 1].is_ascii_alphabetic()) {
            b = j;
        }
        while a < b && (f[a].is_whitespace() || matches!(f[a], '“' | '”' | '"' | '(' | ')' | '、'))
        {
            a += 1;
        }
        if let Some(n) = LEAD.longest_prefix(f, a, b) {
            a += n;
        }
        while a < b
            && (f[b - 1].is_whitespace() || matches!(f[b - 1], '“' | '”' | '"' | '(' | '、'))
        {
            b -= 1;
        }
        if let Some(n) = TRAIL.longest_suffix(f, a, b) {
            b -= n;
        }
        if (a, b) == before {
            return (a, b);
        }
    }
}

/// The subject text in `f[a..b]` with time words removed.
fn subject_text(orig: &[char], marks: &[TimeMark], a: usize, b: usize) -> String {
    (a..b)
        .filter(|&i| !marks.iter().any(|m| m.start <= i && i < m.end))
        .map(|i| orig[i])
        .collect::<String>()
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '的' | '“' | '”' | '"'))
        .to_string()
}

/// The noun phrase right after a figure (新增450家 电子商务企业).
fn after_phrase(f: &[char], from: usize) -> (usize, usize) {
    let mut b = from;
    while b < f.len()
        && b - from < 14
        && !CLAUSE_SEPS.contains(&f[b])
        && !SENTENCE_ENDS.contains(&f[b])
        && !matches!(f[b], '、' | '(' | ')' | '“' | '”')
        && !f[b].is_ascii_digit()
    {
        b += 1;
    }
    if NOT_NOUN_START
        .iter()
        .any(|w| number::starts_with(f, from, w))
    {
        return (from, from);
    }
    (from, b)
}

/// The change a figure states, if it is one: +1/-1 for 增长/下降 X%, with the
/// offset where the verb starts.
fn change_sign(f: &[char], clause_start: usize, at: usize) -> Option<(f64, usize)> {
    let mut b = at;
    loop {
        while b > clause_start && f[b - 1].is_whitespace() {
            b -= 1;
        }
        if let Some(w) = CHANGE_FILLERS
            .iter()
            .find(|w| ends_with_at(f, b, w) && b - w.chars().count() >= clause_start)
        {
            b -= w.chars().count();
            continue;
        }
        break;
    }
    for (words, sign) in [(CHANGE_DOWN, -1.0), (CHANGE_UP, 1.0)] {
        if let Some(w) = words
            .iter()
            .filter(|w| ends_with_at(f, b, w) && b - w.chars().count() >= clause_start)
            .max_by_key(|w| w.chars().count())
        {
            return Some((sign, b - w.chars().count()));
        }
    }
    None
}

fn last_before(marks: &[TimeMark], sent_start: usize, at: usize) -> Vec<&TimeMark> {
    marks
        .iter()
        .filter(|m| m.start >= sent_start && m.end <= at)
        .collect()
}

fn is_multi(p: Option<Period>) -> bool {
    p.is_some_and(|p| p.end > p.start)
}

/// Every fact in one sentence (`text` is the sentence's `norm`).
pub fn extract_sentence(text: &str, ctx: &SentenceContext) -> Vec<SentenceFact> {
    let orig: Vec<char> = text.chars().collect();
    let f: Vec<char> = orig
        .iter()
        .map(|&c| fold_char(crate::model::fold_width(c)))
        .collect();
    let qs = quantities(&orig, &f);
    if qs.is_empty() {
        return Vec::new();
    }
    let marks = period::scan(&f);
    let mut out: Vec<SentenceFact> = Vec::new();
    // Index into `out` of facts made in the current and previous clause.
    let mut clause_facts: Vec<usize> = Vec::new();
    let mut prev_clause_facts: Vec<usize> = Vec::new();
    let mut cur_clause = usize::MAX;
    let mut list_subjects: Option<(usize, Vec<(usize, usize)>)> = None;
    let mut list_pos = 0usize;
    let mut last_q_end_in_clause = 0usize;
    let mut prev_sign: Option<f64> = None;

    for (qi, q) in qs.iter().enumerate() {
        let n = &q.num;
        let sent_start = f[..n.start]
            .iter()
            .rposition(|c| SENTENCE_ENDS.contains(c))
            .map_or(0, |p| p + 1);
        let clause_start = f[..n.start]
            .iter()
            .rposition(|c| CLAUSE_SEPS.contains(c) || SENTENCE_ENDS.contains(c))
            .map_or(0, |p| p + 1);
        if clause_start != cur_clause {
            if cur_clause != usize::MAX {
                prev_clause_facts = std::mem::take(&mut clause_facts);
            }
            cur_clause = clause_start;
            list_subjects = None;
            list_pos = 0;
            last_q_end_in_clause = clause_start;
            prev_sign = None;
        }
        let clause_text = text_of(&f, clause_start, n.start);
        let sent_before = text_of(&f, sent_start, n.start);

        // Growth or level?
        let fam = q.family;
        let gap = text_of(&f, last_q_end_in_clause.max(clause_start), n.start);
        let listed =
            last_q_end_in_clause > clause_start && matches!(gap.trim(), "、" | "和" | "及");
        let sign = match fam {
            Some(Family::Percent) | Some(Family::Points) | Some(Family::Times) => {
                if listed && prev_sign.is_some() {
                    prev_sign.map(|s| (s, n.start))
                } else {
                    change_sign(&f, last_q_end_in_clause.max(clause_start), n.start).or_else(|| {
                        // 高于/低于全市5个百分点
                        (fam == Some(Family::Points)).then(|| {
                            let lead = text_of(&f, clause_start, n.start);
                            let s = if lead.contains("低于") || lead.contains("少") {
                                -1.0
                            } else {
                                1.0
                            };
                            (s, n.start)
                        })
                    })
                }
            }
            _ => None,
        };
        prev_sign = sign.map(|s| s.0);
        let is_change = match fam {
            Some(Family::Points) => true,
            Some(Family::Percent) | Some(Family::Times) => sign.is_some(),
            _ => false,
        };
        let subj_limit = sign.map_or(n.start, |(_, at)| at);

        // 分别: subjects listed before, figures after.
        if list_subjects.is_none() {
            if let Some(p) = clause_text.find("分别") {
                let p = clause_start + clause_text[..p].chars().count();
                let (a, b) = strip(&f, &marks, last_q_end_in_clause.max(clause_start), p);
                let mut items = Vec::new();
                let mut s = a;
                for i in a..=b {
                    if i == b || matches!(f[i], '、' | '和' | '及') {
                        let (x, y) = strip(&f, &marks, s, i);
                        if y > x {
                            items.push((x, y));
                        }
                        s = i + 1;
                    }
                }
                list_subjects = Some((p, items));
            }
        }

        // Subject.
        let mut subject_span: Option<(usize, usize)> = None;
        let in_list = list_subjects
            .as_ref()
            .filter(|(p, items)| n.start > *p && items.len() > 1)
            .map(|(_, items)| items.clone());
        if let Some(items) = &in_list {
            subject_span = items.get(list_pos).copied();
            list_pos += 1;
        } else {
            let from = last_q_end_in_clause.max(clause_start);
            let (mut a, b) = strip(&f, &marks, from, subj_limit);
            // Skip the part before a time word and 由/从: 地区生产总值由2015年的 → 地区生产总值.
            let _ = &mut a;
            if b > a {
                subject_span = Some((a, b));
            }
        }
        let mut subject = subject_span
            .map(|(a, b)| subject_text(&orig, &marks, a, b))
            .unwrap_or_default();
        // Cut at a trailing 由/从 (… 由 2015年的 …).
        for w in ["由", "从"] {
            if let Some(p) = subject.rfind(w) {
                if p > 0 {
                    subject.truncate(p);
                }
            }
        }
        let mut quote_start = subject_span.map_or(n.start, |(a, _)| a.min(n.start));
        if let Some((_, at)) = sign {
            quote_start = quote_start.min(at);
        }
        let mut quote_end = q.end;
        let after = after_phrase(&f, q.end);
        let prefers_after = matches!(fam, Some(Family::Count))
            && (subject.chars().count() <= 2 || text_of(&f, clause_start, n.start).ends_with('、'))
            && after.1 > after.0;
        if (subject.is_empty() || prefers_after) && after.1 > after.0 && !is_change {
            subject = subject_text(&orig, &marks, after.0, after.1);
            quote_end = quote_end.max(after.1);
            quote_start = quote_start.min(n.start);
        }

        // Time.
        let before_marks = last_before(&marks, sent_start, n.start);
        // A part of the year governs when it opens its clause or stands in the
        // figure's own clause (上半年,… but not …一季度“开门红”和二季度增长目标,…).
        let governs = |m: &TimeMark| {
            let cs = f[..m.start]
                .iter()
                .rposition(|c| CLAUSE_SEPS.contains(c) || SENTENCE_ENDS.contains(c))
                .map_or(0, |p| p + 1);
            cs == clause_start || m.start - cs <= 3
        };
        let part = before_marks
            .iter()
            .rev()
            .filter(|m| governs(m))
            .find_map(|m| match &m.what {
                TimeWhat::Part(p) => Some(Some(p.clone())),
                TimeWhat::WholeYear => Some(None),
                _ => None,
            });
        let part = part.flatten();
        let year_mark = before_marks.iter().rev().find(|m| match m.what {
            TimeWhat::Year { of: true, .. } => m.end + 1 == n.start,
            TimeWhat::Part(_) | TimeWhat::WholeYear => false,
            _ => true,
        });

        // Kind.
        let target_marker = contains_any(&sent_before, TARGET_MARKERS)
            || marks.iter().any(|m| {
                m.start >= sent_start
                    && m.end <= n.start
                    && matches!(m.what, TimeWhat::Year { year, of: false } if ends_with_at(&f, m.start, "到") && ctx.this_year.is_none_or(|y| year > y))
            })
            || marks.iter().any(|m| m.start >= sent_start && m.end <= n.start && matches!(m.what, TimeWhat::PlanSpan));
        let actual_marker = part.is_some()
            || sent_before.contains("截至")
            || sent_before.contains("以来")
            || marks.iter().any(|m| {
                m.start >= sent_start
                    && m.end <= n.start
                    && matches!(m.what, TimeWhat::Relative(-1) | TimeWhat::ReviewSpan)
            });
        let cumulative = clause_text.contains("累计");
        // 年均增长 is an average over years; 年均浓度 (PM2.5) is one year's mean.
        let avg = contains_any(
            &clause_text,
            &[
                "年均增长",
                "年均增速",
                "年均增幅",
                "年均提高",
                "年均下降",
                "年均递增",
                "年均减少",
                "年均新增",
                "年均完成",
                "年均投入",
                "平均每年",
                "年均举办",
            ],
        );
        // A part-year figure is a result even in a plan sentence, unless 力争 makes
        // it a promise.
        let promised = target_marker && (part.is_none() || sent_before.contains("力争"));
        let mut kind = if promised || (ctx.mode == Mode::Plan && !actual_marker) {
            FactKind::Target
        } else if cumulative {
            FactKind::Cumulative
        } else {
            FactKind::Actual
        };
        if kind == FactKind::Actual && cumulative {
            kind = FactKind::Cumulative;
        }
        let ctx_period = if kind == FactKind::Target {
            ctx.planned.or(ctx.reviewed)
        } else {
            ctx.reviewed.or(ctx.planned)
        };
        let ctx_period = ctx_period.or(ctx.this_year.map(|y| Period { start: y, end: y }));
        let span_for = |y: i32| -> Period {
            match ctx_period {
                Some(p) if p.end > p.start && p.start <= y && y <= p.end => p,
                _ => Period { start: y, end: y },
            }
        };
        let mut period = match year_mark.map(|m| &m.what) {
            Some(TimeWhat::Year { year, .. }) => {
                if avg || cumulative {
                    Some(span_for(*year))
                } else {
                    Some(Period {
                        start: *year,
                        end: *year,
                    })
                }
            }
            Some(TimeWhat::Relative(d)) => ctx.this_year.map(|y| Period {
                start: y + d,
                end: y + d,
            }),
            Some(TimeWhat::Span(p)) => Some(*p),
            Some(TimeWhat::ReviewSpan) => ctx.reviewed,
            Some(TimeWhat::PlanSpan) => ctx.planned,
            _ => None,
        };
        if period.is_none() {
            period = ctx_period;
            if is_multi(period) && !(avg || cumulative) {
                // A level reached (增至/达到) is the last year's; a flow is the span's.
                let lead = text_of(&f, last_q_end_in_clause.max(clause_start), n.start);
                let reached = contains_any(
                    &lead,
                    &[
                        "增至",
                        "达到",
                        "达",
                        "提高到",
                        "提高至",
                        "突破",
                        "降至",
                        "增加到",
                        "提升至",
                        "提升到",
                        "上升到",
                        "超过",
                        "总数",
                        "总量",
                        "下降到",
                    ],
                ) || matches!(
                    fam,
                    Some(Family::Percent) | Some(Family::Concentration) | Some(Family::Tenths)
                ) && !is_change;
                // A bound kept every year (控制在3.5%以内) covers the whole span.
                let bound = contains_any(&lead, &["控制在", "保持在", "稳定在", "维持在"]);
                let reached = reached && !bound;
                if reached {
                    let e = period.unwrap().end;
                    period = Some(Period { start: e, end: e });
                }
            }
        }
        // 由X增至Y: X is the year before the period, Y its last year.
        let lead_all = text_of(&f, clause_start, n.start);
        let from_to_start = (lead_all.ends_with('由') || lead_all.ends_with('从'))
            && year_mark.is_none_or(|m| !matches!(m.what, TimeWhat::Year { of: true, .. }));
        let is_from_to_end = qi > 0
            && contains_any(
                &lead_all,
                &[
                    "增至",
                    "增加到",
                    "增加至",
                    "提高至",
                    "提高到",
                    "上升到",
                    "上升至",
                    "降至",
                    "下降到",
                    "下降至",
                    "减少到",
                    "减少至",
                    "增长到",
                    "增长至",
                    "扩大到",
                    "扩大至",
                    "压减至",
                    "压减到",
                ],
            )
            && (lead_all.contains('由') || lead_all.contains('从'));
        if year_mark.is_none_or(|m| !matches!(m.what, TimeWhat::Year { of: true, .. })) {
            if let Some(p) = period {
                if from_to_start {
                    let y = if ctx_period.is_some_and(|c| c.end > c.start) {
                        p.start - 1
                    } else {
                        p.end - 1
                    };
                    let y = if is_multi(Some(p)) {
                        ctx_period.map_or(y, |c| c.start - 1)
                    } else {
                        y
                    };
                    period = Some(Period { start: y, end: y });
                } else if is_from_to_end {
                    let e = ctx_period.map_or(p.end, |c| c.end).max(p.end);
                    period = Some(Period { start: e, end: e });
                }
            }
        }

        // Qualifier: after the figure first, else the nearest before it.
        // Only words between the subject and the figure qualify it (签约率 is
        // not 约), or one that opens the clause (力争全年新开工14个).
        let q_from = subject_span
            .filter(|(_, b)| *b <= n.start)
            .map_or(last_q_end_in_clause.max(clause_start), |(_, b)| b);
        let pre = text_of(&f, q_from, n.start);
        let clause_head = text_of(&f, clause_start, n.start);
        let pre_chars = CharSet::of(&pre);
        let pre_q = PRE_QUALIFIERS
            .iter()
            .filter(|w| pre_chars.may_contain(w))
            .filter_map(|w| pre.rfind(w).map(|p| (p + w.len(), *w)))
            .max_by_key(|(p, w)| (*p, w.len()))
            .map(|(_, w)| w.to_string())
            .or_else(|| {
                ["力争", "确保", "争取"]
                    .into_iter()
                    .find(|w| clause_head.starts_with(w))
                    .map(str::to_string)
            });
        let mut qualifier = q.post_qualifier.clone().or(pre_q);

        let unit = q.unit.clone().filter(|u| !u.is_empty());
        let value_base = q.family.is_some().then_some(scaled(n.value, q.factor));

        let indicator_for = |s: &str, fam: Option<Family>| -> Option<String> {
            ctx.indicators
                .find(&fold_str(s), fam, &text_of(&f, sent_start, n.start))
        };

        if is_change {
            let (pct, pp) = match fam {
                Some(Family::Points) => (None, Some(n.value * sign.map_or(1.0, |s| s.0))),
                Some(Family::Times) => (Some(n.value * 100.0 * sign.map_or(1.0, |s| s.0)), None),
                _ => (Some(n.value * q.factor * sign.map_or(1.0, |s| s.0)), None),
            };
            // Attach to the level it qualifies: same clause, or the previous one
            // when this clause names no subject of its own.
            let attach_pool: Vec<usize> = if subject.is_empty() && !avg {
                let mut pool: Vec<usize> = clause_facts
                    .iter()
                    .copied()
                    .filter(|&i| out[i].value.is_some())
                    .collect();
                if pool.is_empty() {
                    pool = prev_clause_facts.clone();
                }
                pool.into_iter()
                    .filter(|&i| out[i].value.is_some())
                    .collect()
            } else {
                Vec::new()
            };
            let free = |i: &usize| out[*i].change_pct.is_none() && out[*i].change_pp.is_none();
            // How many changes stand in this clause without a subject: a list
            // (下降7.5%、9.5%、9.6%) attaches one to one.
            let target_idx = if !attach_pool.is_empty() {
                let changes_here: Vec<&Quantity> = qs
                    .iter()
                    .filter(|o| {
                        o.num.start >= clause_start
                            && f[clause_start..o.num.start]
                                .iter()
                                .all(|c| !CLAUSE_SEPS.contains(c) && !SENTENCE_ENDS.contains(c))
                    })
                    .collect();
                let k = changes_here
                    .iter()
                    .position(|o| o.num.start == n.start)
                    .unwrap_or(0);
                if changes_here.len() > 1 && attach_pool.len() >= changes_here.len() {
                    let base = attach_pool.len() - changes_here.len();
                    Some(attach_pool[base + k]).filter(free)
                } else {
                    attach_pool.last().copied().filter(free)
                }
            } else {
                None
            };
            if let Some(i) = target_idx {
                let fct = &mut out[i];
                fct.change_pct = fct.change_pct.or(pct);
                fct.change_pp = fct.change_pp.or(pp);
                if fct.qualifier.is_none() {
                    fct.qualifier = q.post_qualifier.clone();
                }
                fct.quote_end = fct.quote_end.max(q.end);
                last_q_end_in_clause = q.end;
                continue;
            }
            if subject.is_empty() {
                if let Some(last) = out.last() {
                    subject = last.subject.clone();
                }
            }
            // A list's shared qualifier is written once, after the last figure.
            if qualifier.is_none() && in_list.is_some() {
                qualifier = qs[qi..]
                    .iter()
                    .take_while(|o| {
                        f[n.start..o.num.start]
                            .iter()
                            .all(|c| !CLAUSE_SEPS.contains(c) && !SENTENCE_ENDS.contains(c))
                    })
                    .last()
                    .and_then(|o| o.post_qualifier.clone());
            }
            let indicator = indicator_for(&subject, None);
            out.push(SentenceFact {
                indicator,
                subject,
                value: None,
                unit: None,
                value_base: None,
                change_pct: pct,
                change_pp: pp,
                qualifier,
                kind,
                period_start: period.map(|p| p.start),
                period_end: period.map(|p| p.end),
                period_part: part,
                quote_start,
                quote_end,
            });
        } else {
            if subject.is_empty() {
                if let Some(last) = out.last() {
                    subject = last.subject.clone();
                } else if clause_start > sent_start + 1 {
                    // 股权投资基金扎堆罗湖,新增639家: the thing counted is named before.
                    let pc = f[sent_start..clause_start - 1]
                        .iter()
                        .rposition(|c| CLAUSE_SEPS.contains(c))
                        .map_or(sent_start, |p| sent_start + p + 1);
                    let (a, b) = strip(&f, &marks, pc, clause_start - 1);
                    subject = subject_text(&orig, &marks, a, b);
                }
            }
            let indicator = indicator_for(&subject, fam);
            let value = n.value;
            out.push(SentenceFact {
                indicator,
                subject,
                value: Some(value),
                unit,
                value_base: value_base.or(Some(value)),
                change_pct: None,
                change_pp: None,
                qualifier,
                kind,
                period_start: period.map(|p| p.start),
                period_end: period.map(|p| p.end),
                period_part: part,
                quote_start,
                quote_end,
            });
        }
        clause_facts.push(out.len() - 1);
        last_q_end_in_clause = q.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        text: &str,
        mode: Mode,
        reviewed: (i32, i32),
        planned: (i32, i32),
    ) -> Vec<SentenceFact> {
        let cat = crate::facts::catalog();
        let indicators = Matcher::new(&cat);
        let ctx = SentenceContext {
            mode,
            reviewed: Some(Period {
                start: reviewed.0,
                end: reviewed.1,
            }),
            planned: Some(Period {
                start: planned.0,
                end: planned.1,
            }),
            this_year: Some(planned.0),
            indicators: &indicators,
        };
        // The context holds a borrow of `cat`; copy the result out.
        extract_sentence(text, &ctx)
    }

    fn review(text: &str) -> Vec<SentenceFact> {
        read(text, Mode::Review, (2018, 2018), (2019, 2019))
    }

    #[test]
    fn level_with_growth_and_negative_growth() {
        let f = review("全区地区生产总值实现2,105.3亿元,比上年增长7.1%;工业增加值下降3.2%。");
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].indicator.as_deref(), Some("gdp"));
        assert_eq!((f[0].value, f[0].change_pct), (Some(2105.3), Some(7.1)));
        assert_eq!(f[0].period_start, Some(2018));
        assert_eq!(f[1].indicator.as_deref(), Some("industrial_value_added"));
        assert_eq!((f[1].value, f[1].change_pct), (None, Some(-3.2)));
    }

    #[test]
    fn traditional_script_and_chinese_numerals() {
        let f = review("社會消費品零售總額達到一千二百億元,增長百分之七點五。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].indicator.as_deref(), Some("retail_sales"));
        assert_eq!(f[0].value, Some(1200.0));
        assert_eq!(f[0].unit.as_deref(), Some("億元"));
        assert_eq!(f[0].value_base, Some(1200e8));
        assert_eq!(f[0].change_pct, Some(7.5));
    }

    #[test]
    fn lists_with_fenbie_map_in_order() {
        let f = review("万元GDP水耗、电耗分别下降4.1%、3.8%。");
        let got: Vec<_> = f
            .iter()
            .map(|x| (x.indicator.clone().unwrap(), x.change_pct.unwrap()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("water_use_per_gdp".to_string(), -4.1),
                ("power_use_per_gdp".to_string(), -3.8)
            ]
        );
    }

    #[test]
    fn shares_are_levels_and_points_are_changes() {
        let f = review("第三产业增加值占GDP比重为93.1%,提高0.4个百分点。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].indicator.as_deref(), Some("tertiary_share"));
        assert_eq!(
            (f[0].value, f[0].change_pct, f[0].change_pp),
            (Some(93.1), None, Some(0.4))
        );
        let f = review("城镇登记失业率下降0.2个百分点。");
        assert_eq!(f[0].change_pp, Some(-0.2));
    }

    #[test]
    fn part_years_and_relative_years() {
        let f = read(
            "今年1—9月,固定资产投资同比增长12%。",
            Mode::Review,
            (2018, 2018),
            (2019, 2019),
        );
        assert_eq!(f[0].period_part.as_deref(), Some("M1-M9"));
        assert_eq!(f[0].period_start, Some(2019));
        let f = review("上半年,实际利用外资3.2亿美元。");
        assert_eq!(f[0].period_part.as_deref(), Some("H1"));
        assert_eq!(f[0].indicator.as_deref(), Some("fdi_actual"));
    }

    #[test]
    fn from_to_and_annual_average_over_five_years() {
        let f = read(
            "一般公共预算收入由62亿元增至98亿元,年均增长9.6%。",
            Mode::Review,
            (2011, 2015),
            (2016, 2020),
        );
        let periods: Vec<_> = f
            .iter()
            .map(|x| (x.value, x.change_pct, x.period_start, x.period_end))
            .collect();
        assert_eq!(
            periods,
            vec![
                (Some(62.0), None, Some(2010), Some(2010)),
                (Some(98.0), None, Some(2015), Some(2015)),
                (None, Some(9.6), Some(2011), Some(2015)),
            ]
        );
        assert!(f
            .iter()
            .all(|x| x.indicator.as_deref() == Some("budget_revenue")));
    }

    #[test]
    fn targets_with_qualifiers_in_plan_sentences() {
        let f = review(
            "2019年主要预期目标是:地区生产总值增长7%左右,PM2.5年均浓度控制在25微克/立方米以内。",
        );
        assert_eq!(f.len(), 2);
        assert!(f
            .iter()
            .all(|x| x.kind == FactKind::Target && x.period_start == Some(2019)));
        assert_eq!(f[0].qualifier.as_deref(), Some("左右"));
        assert_eq!(f[1].indicator.as_deref(), Some("pm25"));
        assert_eq!(f[1].qualifier.as_deref(), Some("以内"));
        let f = read("力争新建学校3所。", Mode::Plan, (2018, 2018), (2019, 2019));
        assert_eq!((f[0].kind, f[0].value), (FactKind::Target, Some(3.0)));
        // A subscript copied as an underscore (`PM_2.5`).
        let f = review("PM_2.5平均浓度25.9微克/立方米。");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].indicator.as_deref(), f[0].value),
            (Some("pm25"), Some(25.9))
        );
    }

    #[test]
    fn cumulative_figures() {
        let f = read(
            "累计完成固定资产投资1500亿元。",
            Mode::Review,
            (2016, 2020),
            (2021, 2025),
        );
        assert_eq!(f[0].kind, FactKind::Cumulative);
        assert_eq!(
            (f[0].period_start, f[0].period_end),
            (Some(2016), Some(2020))
        );
    }

    #[test]
    fn years_dates_ordinals_and_names_are_not_facts() {
        for s in [
            "2014年是全面深化改革的第一年。",
            "区委七届四次全会于8月30日召开。",
            "罗发〔2013〕3号。",
            "1.九大类重点民生支出:指教育等支出。",
            "实施十三五规划,打造一中心两基地。",
            "为65岁以上老人提供服务,推进5G建设和PM2.5治理。",
            "发布时间:2014-03-10",
        ] {
            assert!(review(s).is_empty(), "{s}: {:?}", review(s));
        }
        // But counts are facts.
        let f = review("新增商事主体2.3万户,建成学校3所。");
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].value, f[0].unit.as_deref(), f[0].value_base),
            (Some(2.3), Some("万户"), Some(23000.0))
        );
        assert_eq!(f[1].subject, "学校");
    }

    #[test]
    fn quotes_are_spans_of_the_sentence() {
        let s = "初步统计,本区生产总值完成1488亿元,同比增长9.2%。";
        let f = review(s);
        let chars: Vec<char> = s.chars().collect();
        let q: String = chars[f[0].quote_start..f[0].quote_end].iter().collect();
        assert_eq!(q, "本区生产总值完成1488亿元,同比增长9.2%");
    }
}

/// `value × factor` without binary noise: 5018.4 亿 is 501,840,000,000, not
/// 501,839,999,999.99994. The product is rounded to the decimals the written
/// value can carry after scaling (at most 6).
fn scaled(value: f64, factor: f64) -> f64 {
    let product = value * factor;
    let decimals = (6 - factor.log10().round() as i32).clamp(0, 6);
    let unit = 10f64.powi(decimals);
    (product * unit).round() / unit
}

#[cfg(test)]
mod scaled_tests {
    use super::scaled;

    #[test]
    fn scaling_leaves_no_binary_noise() {
        assert_eq!(scaled(5018.4, 1e8), 501_840_000_000.0);
        assert_eq!(scaled(1.9, 1e8), 190_000_000.0);
        assert_eq!(scaled(2.3, 1e4), 23_000.0);
        assert_eq!(scaled(7.5, 1.0), 7.5);
        assert_eq!(scaled(0.125, 1.0), 0.125);
    }
}
