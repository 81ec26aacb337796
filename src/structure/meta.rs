//! Metadata a careful reader finds in a report's own words: title, district, kind,
//! dates, the meeting, the speaker and the periods reviewed and planned.
//!
//! Works on the report lines after furniture removal, in either script (keywords
//! are matched on [`fold`]ed text). Owns no display text; a catalog may override
//! what is found here (`super::catalog`).

use super::fold::{cjk_count, fold, is_cjk, is_zh_numeral};
use super::furniture::{is_prose, is_site_name, PageHeader};
use crate::model::{DocKind, Period, Section, Speaker};

/// A date as precise as the text states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ymd {
    pub y: i32,
    pub m: Option<u32>,
    pub d: Option<u32>,
}

impl Ymd {
    pub fn full(y: i32, m: u32, d: u32) -> Ymd {
        Ymd {
            y,
            m: Some(m),
            d: Some(d),
        }
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn iso(self) -> String {
        match (self.m, self.d) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.y),
            (Some(m), None) => format!("{:04}-{m:02}", self.y),
            _ => format!("{:04}", self.y),
        }
    }
}

fn digits_at(cs: &[char], i: usize, max: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut n = 0u32;
    while j < cs.len() && j - i < max && cs[j].is_ascii_digit() {
        n = n * 10 + cs[j].to_digit(10)?;
        j += 1;
    }
    (j > i).then_some((n, j))
}

/// The first date in `s` (`2015-02-27`, `2014年3月10日`, `2013/5/20`, `2014年3月`),
/// with the byte offset where it starts.
pub fn first_date(s: &str) -> Option<(usize, Ymd)> {
    let idx: Vec<(usize, char)> = s.char_indices().collect();
    let cs: Vec<char> = idx.iter().map(|&(_, c)| c).collect();
    for i in 0..cs.len() {
        if i > 0 && cs[i - 1].is_ascii_digit() {
            continue;
        }
        let Some((y, j)) = digits_at(&cs, i, 4) else {
            continue;
        };
        if j - i != 4 || !(1949..=2100).contains(&y) || j >= cs.len() {
            continue;
        }
        let sep = cs[j];
        if !matches!(sep, '-' | '/' | '.' | '年') {
            continue;
        }
        let Some((m, k)) = digits_at(&cs, j + 1, 2) else {
            continue;
        };
        if !(1..=12).contains(&m) {
            continue;
        }
        let msep = cs.get(k).copied();
        let day = match (sep, msep) {
            ('年', Some('月')) => {
                digits_at(&cs, k + 1, 2).filter(|&(_, e)| cs.get(e) == Some(&'日'))
            }
            ('年', _) => continue,
            (_, Some(c)) if c == sep => digits_at(&cs, k + 1, 2),
            _ => None,
        };
        let d = day.map(|(d, _)| d).filter(|d| (1..=31).contains(d));
        if d.is_none() && sep != '年' {
            continue;
        }
        return Some((
            idx[i].0,
            Ymd {
                y: y as i32,
                m: Some(m),
                d,
            },
        ));
    }
    None
}

/// A `M月D日` at the start of a line (news leads), without a year.
fn leading_month_day(s: &str) -> Option<(u32, u32)> {
    let cs: Vec<char> = s.chars().collect();
    let (m, i) = digits_at(&cs, 0, 2)?;
    if cs.get(i) != Some(&'月') {
        return None;
    }
    let (d, j) = digits_at(&cs, i + 1, 2)?;
    (cs.get(j) == Some(&'日') && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// Years written as `YYYY年` (or `YYYY` before a CJK character), in order.
fn years(s: &str) -> Vec<i32> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if (i == 0 || !cs[i - 1].is_ascii_digit()) && cs[i].is_ascii_digit() {
            if let Some((y, j)) = digits_at(&cs, i, 5) {
                if j - i == 4 && (1949..=2100).contains(&y) && cs.get(j).is_some_and(|&c| is_cjk(c))
                {
                    out.push(y as i32);
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// A span of years written as `2013—2015年` / `2013-2015年`.
fn year_range(s: &str) -> Option<Period> {
    let cs: Vec<char> = s.chars().collect();
    for i in 0..cs.len() {
        let Some((a, j)) = digits_at(&cs, i, 4) else {
            continue;
        };
        if j - i != 4 || (i > 0 && cs[i - 1].is_ascii_digit()) {
            continue;
        }
        let mut k = j;
        if cs.get(k) == Some(&'年') {
            k += 1;
        }
        if !cs
            .get(k)
            .is_some_and(|&c| matches!(c, '—' | '-' | '–' | '~' | '至' | '到'))
        {
            continue;
        }
        k += 1;
        while cs.get(k) == Some(&'—') {
            k += 1;
        }
        if let Some((b, e)) = digits_at(&cs, k, 4) {
            if e - k == 4 && b > a && b - a <= 10 && (1949..=2100).contains(&a) {
                return Some(Period {
                    start: a as i32,
                    end: b as i32,
                });
            }
        }
    }
    None
}

/// Shenzhen's districts (simplified, as stored) — matched on folded text.
pub const DISTRICTS: [&str; 10] = [
    "罗湖区",
    "福田区",
    "南山区",
    "宝安区",
    "龙岗区",
    "盐田区",
    "龙华区",
    "坪山区",
    "光明区",
    "大鹏新区",
];
const CITY: &str = "深圳市";

/// The district a short text names first (a district wins over the city).
fn named_district(folded: &str) -> Option<String> {
    DISTRICTS
        .iter()
        .filter_map(|d| folded.find(d).map(|p| (p, *d)))
        .min()
        .map(|(_, d)| d.to_string())
        .or_else(|| folded.contains(CITY).then(|| CITY.to_string()))
}

/// The district the body is about: "我代表X人民政府", else the most frequent.
fn body_district(folded: &str) -> Option<String> {
    if let Some(p) = folded.find("我代表") {
        let after: String = folded[p..].chars().take(20).collect();
        if let Some(d) = named_district(&after) {
            return Some(d);
        }
    }
    let best = DISTRICTS
        .iter()
        .map(|d| (folded.matches(d).count(), *d))
        .max_by_key(|&(n, _)| n)
        .filter(|&(n, _)| n >= 2)
        .map(|(_, d)| d.to_string());
    best.or_else(|| (folded.contains(CITY) || folded.contains("我市")).then(|| CITY.to_string()))
}

/// The kind a title (or a news lead) announces.
pub fn kind_of(folded: &str) -> DocKind {
    if folded.contains("政府工作报告") {
        DocKind::WorkReport
    } else if ["改革方案", "实施方案", "总体方案", "行动方案", "工作方案"]
        .iter()
        .any(|k| folded.contains(k))
    {
        DocKind::ReformPlan
    } else if ["主要工作", "工作要点", "工作计划", "工作安排", "重点工作"]
        .iter()
        .any(|k| folded.contains(k))
    {
        DocKind::WorkPlan
    } else if ["全会", "全体会议", "全体(扩大)会议"]
        .iter()
        .any(|k| folded.contains(k))
    {
        DocKind::PlenumReport
    } else if folded.contains("工作报告") {
        DocKind::WorkReport
    } else {
        DocKind::Other
    }
}

/// Meeting name patterns; `N` is a run of Chinese numerals.
const MEETINGS: [&str; 9] = [
    "第N届人民代表大会第N次会议",
    "N届人大N次会议",
    "区委第N届委员会第N次全体会议",
    "市委第N届委员会第N次全体会议",
    "区委N届N次全体会议",
    "市委N届N次全体会议",
    "区委N届N次全会",
    "市委N届N次全会",
    "第N届委员会第N次全体会议",
];

fn match_at(cs: &[char], mut i: usize, pat: &str) -> Option<usize> {
    for p in pat.chars() {
        if p == 'N' {
            let s = i;
            while i < cs.len() && is_zh_numeral(cs[i]) {
                i += 1;
            }
            if i == s {
                return None;
            }
        } else if cs.get(i) == Some(&p) {
            i += 1;
        } else {
            return None;
        }
    }
    Some(i)
}

/// The first meeting named in a folded text, as written (simplified).
pub fn find_meeting(folded: &str) -> Option<String> {
    let cs: Vec<char> = folded.chars().collect();
    (0..cs.len()).find_map(|i| {
        MEETINGS
            .iter()
            .find_map(|p| match_at(&cs, i, p))
            .map(|e| cs[i..e].iter().collect())
    })
}

/// Roles, longest first so that 区委书记 wins over 书记.
const ROLES: [&str; 10] = [
    "区委书记",
    "市委书记",
    "代区长",
    "代市长",
    "副区长",
    "副市长",
    "区长",
    "市长",
    "主任",
    "书记",
];

/// Common surnames (both scripts): a bare name line must start with one.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶\
程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔\
向汤张陳楊黃趙吳劉張孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆龔萬錢嚴湯顧賀羅駱溫聶";

fn name_chars(s: &str) -> Option<String> {
    let name: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let n = name.chars().count();
    ((2..=4).contains(&n) && name.chars().all(is_cjk)).then_some(name)
}

/// A line that is only a speaker: `区长 贺海涛` or `范 德 繁`.
fn speaker_line(line: &str) -> Option<Speaker> {
    let f = fold(line);
    let f = f.trim();
    if f.chars().count() > 16 || f.chars().any(|c| !is_cjk(c) && !c.is_whitespace()) {
        return None;
    }
    for r in ROLES {
        if let Some(rest) = f.strip_prefix(r) {
            let orig: String = line.trim().chars().skip(r.chars().count()).collect();
            if rest.starts_with(char::is_whitespace) {
                return name_chars(&orig).map(|name| Speaker {
                    name,
                    role: Some(r.to_string()),
                });
            }
        }
    }
    let name = name_chars(line)?;
    SURNAMES
        .contains(name.chars().next()?)
        .then_some(Speaker { name, role: None })
}

/// `罗湖区委书记贺海涛代表区委常委会向全会作工作报告` → 贺海涛, 区委书记.
fn speaker_in_prose(line: &str) -> Option<Speaker> {
    let f = fold(line);
    if !f.contains("报告") {
        return None;
    }
    let orig: Vec<char> = line.chars().collect();
    let cs: Vec<char> = f.chars().collect();
    // `fold` only drops pinyin annotations; a prose speaker line rarely has them, so
    // require equal lengths to read the name from the original characters.
    if cs.len() != orig.len() {
        return None;
    }
    for r in ROLES {
        let rc: Vec<char> = r.chars().collect();
        for i in 0..cs.len() {
            if !cs[i..].starts_with(&rc) {
                continue;
            }
            let s = i + rc.len();
            for n in [3, 2] {
                let e = s + n;
                if e > cs.len() || !cs[s..e].iter().all(|&c| is_cjk(c)) {
                    continue;
                }
                let next: String = cs[e..].iter().take(2).collect();
                if ["代表", "同志"].contains(&next.as_str())
                    || next.starts_with(['向', '在', '作', ',', ','])
                {
                    return Some(Speaker {
                        name: orig[s..e].iter().collect(),
                        role: Some(r.to_string()),
                    });
                }
            }
        }
    }
    None
}

/// What [`infer`] finds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: String,
    pub district: Option<String>,
    pub kind: DocKind,
    pub published: Option<Ymd>,
    pub delivered: Option<Ymd>,
    pub meeting: Option<String>,
    pub speaker: Option<Speaker>,
    pub reviewed: Option<Period>,
    pub planned: Option<Period>,
}

const TITLE_WORDS: [&str; 14] = [
    "报告", "工作", "方案", "要点", "计划", "规划", "意见", "决定", "通知", "纲要", "全会", "办法",
    "讲话", "公报",
];

fn is_date_line(f: &str) -> bool {
    let t = f.trim_matches(|c: char| "()[]【】 ".contains(c));
    first_date(t).is_some_and(|(p, _)| p == 0) && cjk_count(t) <= 4 && t.chars().count() <= 14
}

fn is_doc_number(f: &str) -> bool {
    (f.contains('〔') || f.contains('[')) && f.ends_with('号') && f.chars().count() <= 20
}

fn is_meeting_line(f: &str) -> bool {
    f.starts_with("——") || f.starts_with("(在") || (f.starts_with('在') && f.ends_with("会议上"))
}

/// Drops a trailing `(在…会议上)` from a title line.
fn strip_meeting_paren(title: &str) -> String {
    let t = title.trim();
    if let Some(p) = t.rfind('(') {
        let tail = fold(&t[p..]);
        if t.ends_with(')')
            && tail.starts_with("(在")
            && (tail.contains("会议") || tail.contains("大会"))
        {
            return t[..p].trim().to_string();
        }
    }
    t.to_string()
}

/// A headline for a news report that has none: the lead's first sentence, without
/// its leading date.
fn news_headline(line: &str) -> String {
    let mut s = line.trim();
    if leading_month_day(s).is_some() {
        if let Some(p) = s.find([',', ',']) {
            s = s[p..].trim_start_matches([',', ',', ' ']);
        }
    }
    let end = s.find(['。', ';', '!', '?']).unwrap_or(s.len());
    s[..end].chars().take(40).collect()
}

/// Finds the metadata in the report's lines (after furniture removal).
/// `folded[i]` is the [`fold`] of `lines[i]`.
pub fn infer(lines: &[&str], folded: &[String], header: &PageHeader, sections: &[Section]) -> Meta {
    let mut m = Meta {
        published: header.published,
        ..Meta::default()
    };
    let first_prose = lines
        .iter()
        .position(|l| is_prose(l))
        .unwrap_or(lines.len().min(8));
    let head = &lines[..first_prose];
    let lead_end = (first_prose + 1).min(lines.len());
    let lead_folded: String = folded[..lead_end].join("\n");
    let body_folded: String = folded.join("\n");

    // Head lines: title, meeting, dates, speaker.
    let mut title_line: Option<&str> = None;
    let mut fallback: Option<&str> = None;
    let mut meeting_text = String::new();
    let mut in_meeting = false;
    for (&line, f) in head.iter().zip(folded) {
        let f = f.as_str();
        if in_meeting {
            meeting_text.push_str(f);
            in_meeting = !(f.ends_with('上') || f.ends_with("上)"));
            continue;
        }
        if is_meeting_line(f) {
            meeting_text.push_str(f);
            in_meeting = f.starts_with("——") && !f.ends_with('上');
            continue;
        }
        if is_date_line(f) {
            if m.published.is_none() {
                m.published = first_date(f).map(|(_, d)| d);
            }
            continue;
        }
        if let Some(sp) = speaker_line(line) {
            m.speaker.get_or_insert(sp);
            continue;
        }
        if is_doc_number(f) || is_site_name(line) || (f.ends_with(':') && f.chars().count() <= 10) {
            continue;
        }
        if title_line.is_none()
            && TITLE_WORDS.iter().any(|w| f.contains(w))
            && f.chars().count() <= 80
        {
            title_line = Some(line);
        } else if fallback.is_none() && cjk_count(f) >= 4 {
            fallback = Some(line);
        }
    }
    let news = title_line.is_none() && fallback.is_none();
    m.title = match title_line.or(fallback) {
        Some(t) => strip_meeting_paren(t),
        None => lines
            .get(first_prose)
            .map(|l| news_headline(l))
            .unwrap_or_default(),
    };
    let title_folded = fold(&m.title);
    if let Some(t) = title_line {
        let f = fold(t);
        if let Some(rest) = f.strip_prefix(title_folded.as_str()) {
            meeting_text.push_str(rest);
        }
    }

    // Meeting and delivery: the head's meeting line, else the lead.
    m.meeting = find_meeting(&meeting_text).or_else(|| find_meeting(&lead_folded));
    if let Some(p) = meeting_text.find("在") {
        m.delivered = first_date(&meeting_text[..p]).map(|(_, d)| d);
    }

    m.kind = match kind_of(&title_folded) {
        DocKind::Other if news => kind_of(&lead_folded),
        k => k,
    };

    m.district = named_district(&title_folded)
        .or_else(|| named_district(&meeting_text))
        .or_else(|| named_district(&lead_folded).filter(|_| news))
        .or_else(|| body_district(&body_folded));

    if m.speaker.is_none() {
        m.speaker = lines
            .iter()
            .take(first_prose + 6)
            .find_map(|l| speaker_in_prose(l));
    }

    // The year: title, delivery, publication, `YYYY年是…`, the most frequent year.
    let stated_year = body_folded.find("年是").and_then(|p| {
        let before: String = body_folded[..p]
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        before
            .parse::<i32>()
            .ok()
            .filter(|y| (1949..=2100).contains(y))
    });
    let frequent_year = {
        let ys = years(&body_folded);
        let mut best: Option<(usize, i32)> = None;
        for &y in &ys {
            let n = ys.iter().filter(|&&x| x == y).count();
            if best.is_none_or(|b| (n, y) > b) {
                best = Some((n, y));
            }
        }
        best.map(|(_, y)| y)
    };
    let title_range = year_range(&title_folded);
    let title_year = years(&title_folded)
        .first()
        .copied()
        .filter(|_| title_range.is_none());
    let date_year = m.delivered.or(m.published).map(|d| d.y);
    let year = title_year.or(date_year).or(stated_year).or(frequent_year);

    if m.delivered.is_none() {
        if let (Some((mo, d)), Some(y)) = (
            lines.get(first_prose).and_then(|l| leading_month_day(l)),
            year,
        ) {
            if lead_folded.contains("召开") || lead_folded.contains("举行") {
                m.delivered = Some(Ymd::full(y, mo, d));
            }
        }
    }
    let month = m.delivered.or(m.published).and_then(|d| d.m);
    let span = |a: i32, b: i32| Some(Period { start: a, end: b });

    match m.kind {
        DocKind::WorkReport => {
            let l1: Vec<String> = sections
                .iter()
                .filter(|s| s.level == 1)
                .map(|s| fold(&s.title))
                .collect();
            let five = l1
                .iter()
                .any(|t| t.contains("过去五年") || t.contains("五年工作回顾"))
                || lead_folded.contains("过去五年")
                || body_folded.contains("过去五年工作回顾");
            let reviewed_h = l1
                .iter()
                .find(|t| t.contains("回顾"))
                .and_then(|t| years(t).first().copied());
            let planned_h = l1
                .iter()
                .find(|t| {
                    !t.contains("回顾")
                        && ["目标", "任务", "安排", "工作"]
                            .iter()
                            .any(|w| t.contains(w))
                })
                .and_then(|t| years(t).first().copied());
            if five {
                if let Some(d) = date_year.or(year) {
                    m.reviewed = span(d - 5, d - 1);
                    let ahead =
                        body_folded.contains("今后五年") || body_folded.contains("未来五年");
                    m.planned = if ahead { span(d, d + 4) } else { span(d, d) };
                }
            } else if reviewed_h.is_some() || planned_h.is_some() {
                let r = reviewed_h.or(planned_h.map(|p| p - 1));
                let p = planned_h.or(reviewed_h.map(|r| r + 1));
                m.reviewed = r.and_then(|r| span(r, r));
                m.planned = p.and_then(|p| span(p, p));
            } else if let Some(y) = title_year {
                m.reviewed = span(y - 1, y - 1);
                m.planned = span(y, y);
            } else if let Some(y) = date_year {
                let late = month.is_some_and(|mo| mo >= 11);
                let y = if late { y + 1 } else { y };
                m.reviewed = span(y - 1, y - 1);
                m.planned = span(y, y);
            }
        }
        DocKind::WorkPlan | DocKind::ReformPlan => {
            m.planned = title_range.or_else(|| year.and_then(|y| span(y, y)));
        }
        DocKind::PlenumReport => {
            if let Some(y) = year {
                match month {
                    Some(mo) if mo <= 3 => {
                        m.reviewed = span(y - 1, y - 1);
                        m.planned = span(y, y);
                    }
                    Some(mo) if mo >= 11 => {
                        m.reviewed = span(y, y);
                        m.planned = span(y + 1, y + 1);
                    }
                    _ => {
                        m.reviewed = span(y, y);
                        m.planned = span(y, y);
                    }
                }
            }
        }
        DocKind::Other => {}
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_ranges() {
        assert_eq!(
            first_date("发布时间:2014-03-10").map(|d| d.1.iso()),
            Some("2014-03-10".into())
        );
        assert_eq!(
            first_date("——2021年11月3日在").map(|d| d.1.iso()),
            Some("2021-11-03".into())
        );
        assert_eq!(
            year_range("方案(2013—2015年)"),
            Some(Period {
                start: 2013,
                end: 2015
            })
        );
        assert_eq!(
            find_meeting(
                "在深圳市罗湖区第八届\n人民代表大会第一次会议上"
                    .replace('\n', "")
                    .as_str()
            ),
            Some("第八届人民代表大会第一次会议".into())
        );
        assert_eq!(
            find_meeting("区七届人大一次会议以来"),
            Some("七届人大一次会议".into())
        );
    }
}
