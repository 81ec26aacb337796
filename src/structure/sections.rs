//! The section tree from the numbering conventions of Chinese official documents,
//! and the glossary (名词解释) with its entries.
//!
//! | rank | numbering                  | `Section::level` |
//! |------|----------------------------|------------------|
//! | 0    | 第一部分 / 第一篇            | 1 |
//! | 1    | 第一章                      | 1 |
//! | 2    | 第一节                      | 2 |
//! | 3    | 一、                        | 1 |
//! | 4    | (一) / （一）                | 2 |
//! | 5    | 1. / 1、                    | 3 |
//! | 6    | (1) / ①                    | 4 |
//!
//! A section's parent is the nearest earlier heading of a lower rank, so a report
//! numbered 第一部分 → 一、, or a plan's outline 第一章 → 第一节 → 一、, nests
//! correctly while levels keep their fixed meaning.
//! Ids are paths of sibling positions (`s2`, `s2.3`, `s2.3.1`), counted in order
//! of appearance, not from the labels, so gaps in damaged numbering do not make
//! ids collide. The glossary is a top-level section like any other (`s3`).

use super::fold::{ends_blurred, has_sentence_punct, is_ideograph, is_zh_numeral, zh_number};
use crate::model::{GlossaryEntry, Section, SectionKind};
use std::collections::HashMap;

/// A heading's numbering, read from the start of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub rank: u8,
    pub number: u32,
    /// As written, e.g. `(一)`.
    pub text: String,
    /// Byte length of the label in the line.
    pub len: usize,
}

/// The ranks of the table above.
const PART: u8 = 0;
const CHAPTER: u8 = 1;
const SECTION: u8 = 2;
const ITEM: u8 = 3;
const SUB_ITEM: u8 = 4;
const POINT: u8 = 5;
const SUB_POINT: u8 = 6;

fn level_of(rank: u8) -> u8 {
    match rank {
        PART | CHAPTER | ITEM => 1,
        SECTION | SUB_ITEM => 2,
        POINT => 3,
        _ => 4,
    }
}

/// Reads a numbering label at the start of `line`.
pub fn label(line: &str) -> Option<Label> {
    // Every rule below reads on only through characters a label is made of, so the
    // line is decoded up to and including the first other one, not to its end.
    let mut cs: Vec<(usize, char)> = Vec::new();
    for (i, c) in line.char_indices() {
        cs.push((i, c));
        if !is_label_char(c) {
            break;
        }
    }
    let at = |i: usize| cs.get(i).map(|&(_, c)| c);
    let end_byte = |i: usize| cs.get(i).map_or(line.len(), |&(b, _)| b);
    let mk = |rank, number, n: usize| {
        let len = end_byte(n);
        Some(Label {
            rank,
            number,
            text: line[..len].to_string(),
            len,
        })
    };
    let c0 = at(0)?;
    // 第一部分, 第一篇, 第一章, 第一节
    if c0 == '第' {
        let mut i = 1;
        while at(i).is_some_and(is_zh_numeral) {
            i += 1;
        }
        let num: String = cs[1..i].iter().map(|&(_, c)| c).collect();
        let (rank, mut n) = match (at(i), at(i + 1)) {
            (Some('部'), Some('分')) => (PART, i + 2),
            (Some('篇'), _) => (PART, i + 1),
            (Some('章'), _) => (CHAPTER, i + 1),
            (Some('节' | '節'), _) => (SECTION, i + 1),
            _ => return None,
        };
        let word = n;
        while at(n).is_some_and(|c| c == '、' || c == ' ' || c == ':' || c == '\u{3000}') {
            n += 1;
        }
        // A title run on with no separator only on a short heading line
        // (`第一章总体要求`), not in prose (`第一节能…`).
        let bare = n == word && !(rank == PART && at(i) == Some('部'));
        if bare && (line.chars().count() > 30 || has_sentence_punct(line)) {
            return None;
        }
        return mk(rank, zh_number(&num)?, n);
    }
    // 一、
    if is_zh_numeral(c0) {
        let mut i = 0;
        while at(i).is_some_and(is_zh_numeral) {
            i += 1;
        }
        let num: String = cs[..i].iter().map(|&(_, c)| c).collect();
        if at(i) == Some('、') {
            return mk(ITEM, zh_number(&num)?, i + 1);
        }
        return None;
    }
    // (一) / (1)
    if c0 == '(' || c0 == '（' {
        let mut i = 1;
        let zh = at(1).is_some_and(is_zh_numeral);
        while at(i).is_some_and(|c| {
            if zh {
                is_zh_numeral(c)
            } else {
                c.is_ascii_digit()
            }
        }) {
            i += 1;
        }
        if i == 1 || !matches!(at(i), Some(')') | Some('）')) {
            return None;
        }
        let num: String = cs[1..i].iter().map(|&(_, c)| c).collect();
        let number = if zh {
            zh_number(&num)?
        } else {
            num.parse().ok()?
        };
        return mk(if zh { SUB_ITEM } else { SUB_POINT }, number, i + 1);
    }
    // ①
    if ('①'..='⑳').contains(&c0) {
        return mk(SUB_POINT, c0 as u32 - '①' as u32 + 1, 1);
    }
    // 1. / 1、 (not 1.5亿)
    if c0.is_ascii_digit() {
        let mut i = 0;
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if i <= 2
            && matches!(at(i), Some('.') | Some('、') | Some('．'))
            && !at(i + 1).is_some_and(|c| c.is_ascii_digit())
        {
            let num: String = cs[..i].iter().map(|&(_, c)| c).collect();
            return mk(POINT, num.parse().ok()?, i + 1);
        }
    }
    None
}

/// The characters of the labels `label` reads: numerals, digits, brackets,
/// separators and `第…部分`.
fn is_label_char(c: char) -> bool {
    is_zh_numeral(c)
        || c.is_ascii_digit()
        || ('①'..='⑳').contains(&c)
        || matches!(
            c,
            '第' | '部'
                | '分'
                | '篇'
                | '章'
                | '节'
                | '節'
                | '、'
                | ' '
                | ':'
                | '\u{3000}'
                | '('
                | '（'
                | ')'
                | '）'
                | '.'
                | '．'
        )
}

/// The heading text after a label: the whole rest when short, else the heading
/// sentence that opens a paragraph (`(一)促升级,“质量罗湖”效益彰显。…`).
fn heading_title(rest: &str) -> Option<String> {
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    let end = rest
        .find(['。', '!', '?', ';', '：', ':'])
        .unwrap_or(rest.len());
    let title = rest[..end].trim();
    let n = title.chars().count();
    if n == 0 || n > 60 {
        return None;
    }
    Some(title.to_string())
}

/// What a report's parts are called when a copy lost their numbers (folded).
const PART_ENDINGS: [&str; 15] = [
    "工作回顾",
    "重点工作",
    "重点任务",
    "年回顾",
    "时期回顾",
    "五年回顾",
    "工作安排",
    "主要工作",
    "工作任务",
    "主要任务",
    "工作部署",
    "总体要求",
    "目标任务",
    "工作建议",
    "思路和任务",
];

/// Whether `line` is only the opening bracket of a label the copy broke off
/// from the rest of it on `next` (`(` over `三)改革开放持续深化`).
pub fn opens_label(line: &str, next: &str) -> bool {
    let line = line.trim();
    matches!(line, "(" | "（")
        && label(&format!("{line}{}", next.trim_start()))
            .is_some_and(|l| matches!(l.rank, SUB_ITEM | SUB_POINT))
}

/// Whether a label numbers a part or its items (`第一部分`, `第一章`, `一、`,
/// `(一)`), not a point of a list (`1.`, `(1)`, `①`).
pub fn numbers_a_part(l: &Label) -> bool {
    l.rank <= SUB_ITEM
}

/// Where a part's name that runs on into its text ends (`过去五年工作回顾本届政府…`
/// → after `工作回顾`): a byte index into `s`, within its first 24 characters and
/// before any punctuation, when the name is one as [`is_unnumbered_part`] reads
/// it (its year or term, then its ending).
pub fn part_name_end(s: &str) -> Option<usize> {
    let head: String = s
        .chars()
        .take(24)
        .take_while(|c| is_ideograph(*c) || c.is_ascii_digit() || "“”\"".contains(*c))
        .collect();
    PART_ENDINGS
        .iter()
        .filter_map(|e| head.find(e).map(|p| p + e.len()))
        .min()
        .filter(|&p| is_unnumbered_part(&head[..p]))
}

/// Whether a label numbers a whole part (`第一部分`, `第一章`, `一、`), whose
/// name may run on into its text.
pub fn names_a_part(l: &Label) -> bool {
    l.rank <= ITEM && l.rank != SECTION
}

/// A part of a report on a line of its own without a number, as a copy that
/// lost the numbering sets it: `2019年工作回顾`, `过去五年工作回顾`,
/// `2020年及“十三五”时期工作回顾`, `2011年工作安排`, `未来五年工作思路和任务`.
/// It names its years or its term, is short, has no sentence punctuation, and
/// ends as a part's name does.
/// Takes the line folded.
fn is_unnumbered_part(folded: &str) -> bool {
    let f = folded.trim();
    // Length first: it rules out the report's prose before the scans below
    // (counting stops past the longest name).
    if !(4..=26).contains(&f.chars().take(27).count()) {
        return false;
    }
    let cs: Vec<char> = f.chars().collect();
    let years = (cs.windows(5)).any(|w| w[..4].iter().all(char::is_ascii_digit) && w[4] == '年');
    let term = [
        "过去五年",
        "本届政府",
        "五年来",
        "未来五年",
        "今后五年",
        "十一五",
        "十二五",
        "十三五",
        "十四五",
        "十五五",
    ]
    .iter()
    .any(|k| f.contains(k));
    !has_sentence_punct(f)
        && !f.contains([',', '、', ':', '了'])
        && (years || term)
        && PART_ENDINGS.iter().any(|e| f.ends_with(e))
}

/// Whether the next heading after the unnumbered part on line `index` numbers
/// a part (`一、`), not an item of one (`(一)`): the unnumbered part then holds
/// the numbered ones, as a report in two halves names them (`2013年工作回顾`,
/// `2014年工作安排`, each over its own `一、` `二、` …).
fn holds_parts(lines: &[(u32, &str)], folded: &[String], index: usize) -> bool {
    for (&(_, line), f) in lines.iter().zip(folded).skip(index + 1) {
        if is_glossary_heading(f) || is_unnumbered_part(f) {
            return false;
        }
        if let Some(l) = label(line).filter(|l| heading_title(&line[l.len..]).is_some()) {
            if numbers_a_part(&l) {
                return l.rank == ITEM;
            }
        }
    }
    false
}

/// Whether a line opens the glossary (`名词解释`, `附注`, `注释` …).
/// Takes the line folded (`fold::fold`).
fn is_glossary_heading(folded: &str) -> bool {
    let f = folded.trim().trim_end_matches(':');
    let n = f.chars().count();
    n <= 24
        && !has_sentence_punct(f)
        && (["名词解释", "名詞解釋", "附注", "附註", "注释", "注釋"]
            .iter()
            .any(|k| f.ends_with(k))
            // A mojibake run may leave one of its four characters unknown, or
            // both of 名词 when 解释 stands whole (`《…报告》��解释`).
            || ["名词解释", "名詞解釋"].iter().any(|k| {
                let whole = k.chars().skip(2).collect::<String>();
                ends_blurred(f, k, 1) || f.ends_with(&whole) && ends_blurred(f, k, 2)
            }))
}

/// An appendix's opening line (folded): `附件`, `附件1`, `附件二:`, with the
/// appendix's title run on (`附件1 2026年十件民生实事`) or not. Returns the label
/// and the title, if the line has one.
fn appendix(folded: &str) -> Option<(String, String)> {
    let rest = folded.trim().strip_prefix("附件")?;
    let n = rest
        .chars()
        .take_while(|&c| c.is_ascii_digit() || is_zh_numeral(c))
        .map(char::len_utf8)
        .sum::<usize>();
    let label = format!("附件{}", &rest[..n]);
    let title = rest[n..].trim_start_matches([':', ' ', '\u{3000}']).trim();
    let heading_like = title.chars().count() <= 40 && !has_sentence_punct(title);
    // `附件1` read on into prose (`附件1所列…`) is no heading.
    let separated = !rest[n..].starts_with(is_ideograph);
    (heading_like && separated && !super::furniture::is_document_file(title))
        .then(|| (label, title.to_string()))
}

/// The part an appendix opens at line `index` (folded `f`): its label, its
/// title (run on, else the next line when that reads as one) and the index of
/// that next line when it is the title. `None` when the line opens no appendix,
/// or when the glossary comes next (an appendix that is the glossary is opened
/// by that).
fn appendix_part(
    lines: &[(u32, &str)],
    folded: &[String],
    index: usize,
    f: &str,
) -> Option<(String, String, Option<usize>)> {
    let (mark, run_on) = appendix(f)?;
    let next = (folded.iter().enumerate().skip(index + 1)).find(|(_, nf)| !nf.trim().is_empty());
    if next.is_some_and(|(_, nf)| is_glossary_heading(nf)) {
        return None;
    }
    let next_title = next.filter(|(_, nf)| {
        let nf = nf.trim();
        label(nf).is_none() && nf.chars().count() <= 40 && !has_sentence_punct(nf)
    });
    Some(match next_title {
        Some((at, _)) if run_on.is_empty() => (mark, lines[at].1.trim().to_string(), Some(at)),
        _ => (mark, run_on, None),
    })
}

/// A paragraph that opens by addressing the deputies (`各位代表!`, `各位代表,
/// 这些成绩…`), as a speech does between its parts and at their ends, never
/// inside one of their numbered items.
fn addresses_the_congress(folded: &str) -> bool {
    let t = folded.trim_start();
    ["各位代表", "各位委员"].iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| rest.starts_with(['!', ',', ':', ',', '!', ':', ' ']))
    })
}

/// One glossary line: `1.平安细胞:指…`, `“织网工程”:…`; or a term alone
/// (`1.“四上”企业:`), its definition on the lines below (empty here).
fn glossary_entry(line: &str) -> Option<GlossaryEntry> {
    let labelled = label(line);
    let rest = match &labelled {
        Some(l) => &line[l.len..],
        None => line,
    };
    let p = rest.find(':')?;
    let term = rest[..p].trim();
    let definition = rest[p..].trim_start_matches(':').trim();
    let n = term.chars().count();
    // A term alone must be numbered, so that a prose line ending in a colon
    // (`主要包括:`) does not open an entry.
    let alone = definition.is_empty() && labelled.is_none();
    if n == 0 || n > 30 || alone || has_sentence_punct(term) {
        return None;
    }
    let term = term
        .strip_prefix('“')
        .and_then(|t| t.strip_suffix('”'))
        .filter(|t| !t.contains(['“', '”']))
        .unwrap_or(term);
    Some(GlossaryEntry {
        term: term.to_string(),
        definition: definition.to_string(),
    })
}

/// Sections and glossary of a document, and the innermost section of every line.
pub struct Outline {
    pub sections: Vec<Section>,
    pub glossary: Vec<GlossaryEntry>,
    /// Per input line: index into `sections` of its innermost section.
    pub line_section: Vec<Option<usize>>,
}

/// Builds the outline of `lines` (each with its character offset in the text);
/// `folded[i]` is the [`fold`] of line `i`. The report starts at line `first`:
/// numbered lines above it (a gazette's table of contents) are not its headings.
pub fn outline(lines: &[(u32, &str)], folded: &[String], first: usize) -> Outline {
    let mut sections: Vec<Section> = Vec::new();
    let mut ranks: Vec<u8> = Vec::new();
    // The last number used by each (parent, rank), to require sequential siblings.
    let mut last_number: HashMap<(Option<usize>, u8), u32> = HashMap::new();
    let mut children: Vec<u32> = Vec::new();
    let mut top = 0u32;
    let mut stack: Vec<usize> = Vec::new();
    let mut glossary = Vec::new();
    let mut in_glossary = false;
    let mut line_section = Vec::with_capacity(lines.len());

    line_section.resize(first.min(lines.len()), None);
    let mut seen_prose = false;
    // Whether the report's unnumbered parts are halves holding numbered ones.
    let mut halves = false;
    // The line an appendix's title stands on, under its label.
    let mut title_at: Option<usize> = None;
    for (index, (&(start, line), f)) in lines.iter().zip(folded).enumerate().skip(first) {
        seen_prose = seen_prose || super::furniture::is_prose(line);
        // The glossary, or an appendix (`附件1`, its title maybe on the next line),
        // opens a part of its own.
        let part = if !in_glossary && is_glossary_heading(f) {
            in_glossary = true;
            Some((
                String::new(),
                line.trim().to_string(),
                SectionKind::Glossary,
            ))
        } else if let Some((mark, title, at)) = (!in_glossary && seen_prose)
            .then(|| appendix_part(lines, folded, index, f))
            .flatten()
        {
            title_at = at;
            Some((mark, title, SectionKind::Body))
        } else {
            None
        };
        if let Some((label, title, kind)) = part {
            top += 1;
            sections.push(Section {
                id: format!("s{top}"),
                parent: None,
                level: 1,
                label,
                title,
                kind,
                start,
            });
            ranks.push(PART);
            children.push(0);
            stack = vec![sections.len() - 1];
            line_section.push(Some(sections.len() - 1));
            continue;
        }
        // The appendix's title on the line under its label is no heading of its own.
        if title_at == Some(index) {
            line_section.push(stack.last().copied());
            continue;
        }
        if in_glossary {
            match glossary_entry(line) {
                Some(e) => glossary.push(e),
                // The definition of a term standing alone, or the rest of one.
                None => match glossary.last_mut() {
                    Some(e) if !line.trim().is_empty() => {
                        e.definition.push_str(line.trim());
                    }
                    _ => {}
                },
            }
            line_section.push(stack.last().copied());
            continue;
        }
        let heading = (label(line).and_then(|l| heading_title(&line[l.len..]).map(|t| (l, t))))
            .or_else(|| {
                // Below the opening, not the title (`某区2015年主要工作`).
                (seen_prose && is_unnumbered_part(f)).then(|| {
                    // One whose parts are numbered under it (`2013年工作回顾`
                    // over `一、经济发展…`) holds them; one that stands for a
                    // part whose number the copy lost is one of them.
                    // So is any after one that holds them, a half of the
                    // report as well (`2019年发展形势和目标任务`, prose only,
                    // between the review and the plan).
                    halves = halves || holds_parts(lines, folded, index);
                    let rank = match halves {
                        true => PART,
                        false => ITEM,
                    };
                    let l = Label {
                        rank,
                        number: 0,
                        text: String::new(),
                        len: 0,
                    };
                    (l, line.trim().to_string())
                })
            });
        if let Some((l, title)) = heading {
            let mut st = stack.clone();
            while st.last().is_some_and(|&i| ranks[i] >= l.rank) {
                st.pop();
            }
            let parent = st.last().copied();
            let prev = last_number.get(&(parent, l.rank)).copied();
            let ok = match (l.rank, prev) {
                // An unnumbered part follows no count.
                _ if l.text.is_empty() => true,
                (PART..=SUB_ITEM, Some(p)) => l.number > p,
                (_, Some(p)) => l.number == p + 1 || l.number == 1,
                (PART..=SUB_ITEM, None) => true,
                (_, None) => l.number == 1,
            };
            if ok {
                last_number.insert((parent, l.rank), l.number);
                let nth = match parent {
                    Some(pi) => {
                        children[pi] += 1;
                        children[pi]
                    }
                    None => {
                        top += 1;
                        top
                    }
                };
                let id = match parent {
                    Some(pi) => format!("{}.{nth}", sections[pi].id),
                    None => format!("s{nth}"),
                };
                sections.push(Section {
                    id,
                    parent: parent.map(|pi| sections[pi].id.clone()),
                    level: level_of(l.rank),
                    label: l.text.trim().to_string(),
                    title,
                    kind: SectionKind::Body,
                    start,
                });
                ranks.push(l.rank);
                children.push(0);
                st.push(sections.len() - 1);
                stack = st;
            }
        } else if addresses_the_congress(f) {
            // The speaker turns to the deputies (`各位代表!…`): what follows,
            // up to the next heading, is the part's, not its last item's.
            while stack.len() > 1 && stack.last().is_some_and(|&i| ranks[i] > ITEM) {
                stack.pop();
            }
        }
        line_section.push(stack.last().copied());
    }
    glossary.retain(|e| !e.definition.is_empty());
    Outline {
        sections,
        glossary,
        line_section,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unnumbered_parts() {
        for line in [
            "2019年工作回顾",
            "过去五年工作回顾",
            "2020年及“十三五”时期工作回顾",
            "2011年工作安排",
            "过去五年回顾及2021年主要工作",
        ] {
            assert!(is_unnumbered_part(line), "{line}");
        }
        for line in [
            "回顾",
            "2019年,我们认真回顾",
            "对2019年的工作进行了回顾",
            "全年工作安排:",
            "主要工作",
            "2019年工作回顾和2020年工作安排的说明,请审议",
        ] {
            assert!(!is_unnumbered_part(line), "{line}");
        }
    }

    #[test]
    fn labels() {
        assert_eq!(
            label("一、2013年工作回顾").map(|l| (l.rank, l.number)),
            Some((ITEM, 1))
        );
        assert_eq!(
            label("(十二)加强").map(|l| (l.rank, l.number)),
            Some((SUB_ITEM, 12))
        );
        assert_eq!(label("1.5亿元"), None);
        assert_eq!(
            label("12、推进").map(|l| (l.rank, l.number)),
            Some((POINT, 12))
        );
        assert_eq!(
            label("(3)推进").map(|l| (l.rank, l.number)),
            Some((SUB_POINT, 3))
        );
        assert_eq!(
            label("第三部分 展望").map(|l| (l.rank, l.number)),
            Some((PART, 3))
        );
        assert_eq!(
            label("第十二章　加快建设现代产业体系").map(|l| (l.rank, l.number, l.len)),
            Some((CHAPTER, 12, "第十二章　".len()))
        );
        assert_eq!(
            label("第一节总体要求").map(|l| (l.rank, l.number)),
            Some((SECTION, 1))
        );
        assert_eq!(
            label("第一篇:江門市2011年政府工作報告").map(|l| l.rank),
            Some(PART)
        );
        assert_eq!(label("第一节能环保产业规模持续扩大,达到120亿元。"), None);
        assert_eq!(label("第一次全体会议"), None);
        assert_eq!(label("一是推进"), None);
    }
}
