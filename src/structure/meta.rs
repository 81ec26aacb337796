//! Metadata a careful reader finds in a report's own words: title, district, kind,
//! dates, the meeting, the speaker and the periods reviewed and planned.
//!
//! Works on the report lines after furniture removal, in either script (keywords
//! are matched on [`fold`]ed text). Owns no display text; a catalog may override
//! what is found here (`super::catalog`).

use super::fold::{
    cjk_count, contains_any, find_blurred, fold, has_sentence_punct, ideographs_only, is_ideograph,
    is_zh_numeral, zh_number, BULLETS,
};
use super::furniture::{is_menu, is_prose, is_site_name, PageHeader};
use super::sections::label;
use super::t2s::to_simplified;
use crate::model::{DocKind, Period, Section, Speaker, UNKNOWN_CHAR};

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

/// A Chinese numeral and where it ends, if `end` follows it (`十二月` → 12).
fn zh_number_before(cs: &[char], from: usize, end: char) -> Option<(u32, usize)> {
    let n = cs
        .get(from..)?
        .iter()
        .take_while(|&&c| is_zh_numeral(c))
        .count();
    if cs.get(from + n) != Some(&end) {
        return None;
    }
    let num: String = cs[from..from + n].iter().collect();
    zh_number(&num).map(|v| (v, from + n + 1))
}

/// A date in Chinese numerals at `i` (`二〇二一年一月八日`), as formal documents
/// date their speeches; the year's zero may be written 〇, ○ or 零.
fn zh_date_at(cs: &[char], i: usize) -> Option<Ymd> {
    let digit = |c: char| {
        let c = if matches!(c, '零' | '○' | 'O') {
            '〇'
        } else {
            c
        };
        "〇一二三四五六七八九".chars().position(|d| d == c)
    };
    let mut y = 0;
    for k in 0..4 {
        y = y * 10 + digit(*cs.get(i + k)?)? as i32;
    }
    if cs.get(i + 4) != Some(&'年') || !(1949..=2100).contains(&y) {
        return None;
    }
    let (m, k) = zh_number_before(cs, i + 5, '月').filter(|(m, _)| (1..=12).contains(m))?;
    let d = zh_number_before(cs, k, '日')
        .map(|(d, _)| d)
        .filter(|&d| (1..=days_in_month(y, m)).contains(&d));
    Some(Ymd { y, m: Some(m), d })
}

/// A date whose 年 and 月 a copy lost (`——2016524日在…`): six to eight digits
/// then 日, read when only one split into year, month and day is a date
/// (`2016111日` could be 1/11 or 11/1: none). No figure in prose runs into 日.
fn fused_date_at(cs: &[char], i: usize) -> Option<Ymd> {
    let n = cs[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(6..=8).contains(&n) || cs.get(i + n) != Some(&'日') {
        return None;
    }
    let ds: String = cs[i..i + n].iter().collect();
    let y: i32 = ds[..4].parse().ok().filter(|y| (1949..=2100).contains(y))?;
    let rest = &ds[4..];
    let splits: Vec<(u32, u32)> = (1..rest.len())
        .filter(|&k| k <= 2 && rest.len() - k <= 2)
        .filter_map(|k| Some((rest[..k].parse().ok()?, rest[k..].parse().ok()?)))
        .filter(|&(m, d): &(u32, u32)| {
            (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)
        })
        .collect();
    match splits[..] {
        [(m, d)] => Some(Ymd {
            y,
            m: Some(m),
            d: Some(d),
        }),
        _ => None,
    }
}

/// The first date in `s` (`2015-02-27`, `2014年3月10日`, `2013/5/20`, `2014年3月`,
/// `二〇二一年一月八日`), with the byte offset where it starts.
pub fn first_date(s: &str) -> Option<(usize, Ymd)> {
    let idx: Vec<(usize, char)> = s.char_indices().collect();
    let cs: Vec<char> = idx.iter().map(|&(_, c)| c).collect();
    for i in 0..cs.len() {
        if i > 0 && (cs[i - 1].is_ascii_digit() || is_zh_numeral(cs[i - 1])) {
            continue;
        }
        // Every date starts with a figure or a numeral (a year's zero may be
        // `○` or `O`, see [`zh_date_at`]): most characters start none, and are
        // passed at once.
        let c = cs[i];
        if !(c.is_ascii_digit() || is_zh_numeral(c) || matches!(c, '○' | 'O')) {
            continue;
        }
        if let Some(d) = zh_date_at(&cs, i) {
            return Some((idx[i].0, d));
        }
        if let Some(d) = fused_date_at(&cs, i) {
            return Some((idx[i].0, d));
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
        let d = day
            .map(|(d, _)| d)
            .filter(|&d| (1..=days_in_month(y as i32, m)).contains(&d));
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

/// A `M月D日` at the start of a line (news leads), without a year; after a
/// wire's credit (`深圳新闻网讯 1月24日,…`, `本报讯(记者 某某)1月24日`).
fn leading_month_day(s: &str) -> Option<(u32, u32)> {
    let s = without_wire_credit(s);
    let cs: Vec<char> = s.chars().collect();
    let (m, i) = digits_at(&cs, 0, 2)?;
    if cs.get(i) != Some(&'月') {
        return None;
    }
    let (d, j) = digits_at(&cs, i + 1, 2)?;
    (cs.get(j) == Some(&'日') && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// A news lead without the wire's credit it opens with (`深圳新闻网讯 `,
/// `本报讯(记者 某某)`, `深圳新闻网2024年1月19日讯(深圳特区报记者 某某 某某)`):
/// short, ending in `讯`, no clause before it.
fn without_wire_credit(s: &str) -> &str {
    wire_credit(s).1
}

/// A news lead's wire credit and what follows it ([`without_wire_credit`]);
/// the credit is empty when there is none.
fn wire_credit(s: &str) -> (&str, &str) {
    let Some(p) = s
        .char_indices()
        .take(24)
        .take_while(|&(_, c)| !matches!(c, ',' | '，' | '。' | '、' | ';'))
        // Not the `讯` of a byline's `通讯员`.
        .find(|&(i, c)| {
            (c == '讯' || c == '訊') && !s[i + c.len_utf8()..].starts_with(['员', '員'])
        })
        .map(|(p, _)| p)
    else {
        return ("", after_byline(s));
    };
    // (讯 and 訊 are as long.)
    let credit = &s[..p + '讯'.len_utf8()];
    let mut rest = s[credit.len()..].trim_start();
    if let Some(r) = rest.strip_prefix(['(', '（']) {
        if let Some(q) = r
            .find([')', '）'])
            .filter(|&q| r[..q].chars().count() <= 24)
        {
            rest = r[q..].trim_start_matches([')', '）']).trim_start();
        }
    }
    (credit, after_byline(rest))
}

/// What follows a reporter's byline a lead opens with (`記者 常亮 通訊員李世釗
/// 報道:8月20日,…`, `】记者 王某、李某 报道:`): the byline names people only, so
/// it is short and has no clause; else the text as it is.
fn after_byline(s: &str) -> &str {
    let r = s.trim_start_matches(['】', ']', ' ', '\u{3000}']);
    if !["记者", "記者", "通讯员", "通訊員"]
        .iter()
        .any(|w| r.starts_with(w))
    {
        return s;
    }
    (r.char_indices().take(30))
        .take_while(|&(_, c)| !matches!(c, ',' | '，' | '。' | ';'))
        .find_map(|(i, _)| {
            let w = ["报道", "報道"]
                .into_iter()
                .find(|w| r[i..].starts_with(w))?;
            let rest = r[i + w.len()..].trim_start();
            let colon = rest.chars().next().filter(|c| matches!(c, ':' | '：'))?;
            Some(rest[colon.len_utf8()..].trim_start())
        })
        .unwrap_or(s)
}

/// The date a wire credit gives its story (`深圳新闻网2024年1月19日讯`): the day
/// it was published.
fn wire_date(lead: &str) -> Option<Ymd> {
    let (credit, _) = wire_credit(lead.trim());
    first_date(credit).map(|(_, d)| d).filter(|d| d.d.is_some())
}

/// The day a lead's story happened, said relative to the wire's date
/// (`昨日上午,…开幕` the day before, `今天` the day itself).
fn relative_day(lead: &str, wired: Ymd) -> Option<Ymd> {
    let rest = without_wire_credit(lead.trim());
    let back = if ["昨日", "昨天"].iter().any(|w| rest.starts_with(w)) {
        1
    } else if ["今日", "今天"].iter().any(|w| rest.starts_with(w)) {
        0
    } else {
        return None;
    };
    let (m, d) = (wired.m?, wired.d?);
    Some(match (back, d, m) {
        (0, ..) => wired,
        (_, 2.., _) => Ymd::full(wired.y, m, d - 1),
        (_, _, 2..) => Ymd::full(wired.y, m - 1, days_in_month(wired.y, m - 1)),
        _ => Ymd::full(wired.y - 1, 12, 31),
    })
}

/// Days in month `m` of year `y`: a date past them (`2月30日`) is a misprint or
/// damage, never a date.
fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Years written as `YYYY年` (or `YYYY` before a CJK character), or alone in
/// brackets as titles date an edition (`政府工作报告(2012)`), in order. Takes
/// folded text (ASCII brackets).
fn years(s: &str) -> Vec<i32> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if (i == 0 || !cs[i - 1].is_ascii_digit()) && cs[i].is_ascii_digit() {
            if let Some((y, j)) = digits_at(&cs, i, 5) {
                let before_cjk = cs.get(j).is_some_and(|&c| is_ideograph(c));
                let bracketed = i > 0 && cs[i - 1] == '(' && cs.get(j) == Some(&')');
                if j - i == 4 && (1949..=2100).contains(&y) && (before_cjk || bracketed) {
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

/// Shenzhen's districts (simplified, as stored) — matched on folded text — and
/// the new areas that preceded some of them, under whose names their reports
/// were given (`坪山新区管委会工作报告`, 2009–2016).
pub const DISTRICTS: [&str; 14] = [
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
    "深汕特别合作区",
    "坪山新区",
    "光明新区",
    "龙华新区",
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

/// The place whose congress or party committee a text names, outside Shenzhen:
/// what stands before the body's `第N届` (or `N届`), back to `在`, the party's
/// name or the start of a clause (`在佛山市第十五届人民代表大会…`, `江门市第十五届
/// 人民代表大会第五次会议开幕`, `中国共产党广州市黄埔区第一届委员会`, `中共某某区委
/// 二届四次全体会议`: the committee's place), when it names a city, district or
/// county.
fn meeting_place(text: &str) -> Option<String> {
    let cs: Vec<char> = text.chars().collect();
    // Where a term's number starts: its 第, else (only after the party's
    // committee of a place, named as the party's: `中共某某区委二届`; `贯彻市委七届
    // 十三次全会精神` names none) its first numeral.
    let party_committee = |i: usize| {
        let committee = i >= 2 && cs[i - 1] == '委' && "区市县區縣".contains(cs[i - 2]);
        committee && {
            let before: String = cs[i.saturating_sub(14)..i].iter().collect();
            ["中共", "中国共产党"].iter().any(|p| before.contains(p))
        }
    };
    // A party congress numbered from the first (`中国共产党西安市长安区第四次代表
    // 大会`), named as the party's.
    let party_congress = |i: usize, k: usize| {
        let rest: String = cs[k..(k + 5).min(cs.len())].iter().collect();
        let before: String = cs[i.saturating_sub(20)..i].iter().collect();
        cs[k] == '次'
            && (rest[3..].starts_with("代表大会") || rest[3..].starts_with("党代会"))
            && ["中共", "中国共产党"].iter().any(|p| before.contains(p))
    };
    let term_at = |i: usize| {
        let dai = cs[i] == '第';
        let j = i + usize::from(dai);
        let n = (cs[j..].iter()).take_while(|&&c| is_zh_numeral(c)).count();
        n > 0
            && j + n < cs.len()
            && (cs[j + n] == '届' && (dai || party_committee(i)) || dai && party_congress(i, j + n))
    };
    (0..cs.len())
        .filter(|&i| term_at(i))
        .take(3)
        .find_map(|end| {
            let start = (0..end)
                .rev()
                .find(|&k| !is_ideograph(cs[k]) || cs[k] == '在')
                .map_or(0, |k| k + 1);
            let before = to_simplified(&cs[start..end].iter().collect::<String>());
            // After what a news lead says was done there (`参加秦州区第七届…`).
            let before = (ATTENDED.iter())
                .filter_map(|v| before.rsplit_once(v).map(|(_, r)| r))
                .min_by_key(|r| r.len())
                .map_or(before.clone(), str::to_string);
            let place = ["中国共产党", "中共"]
                .iter()
                .find_map(|p| before.rsplit_once(p).map(|(_, r)| r.to_string()))
                .unwrap_or(before);
            let place = match place.strip_suffix('委') {
                Some(p) if p.ends_with(['区', '市', '县', '區', '縣']) => p.to_string(),
                _ => place,
            };
            is_named_place(&place)
        })
}

/// What a news lead says people did at a meeting, just before its name (folded).
const ATTENDED: [&str; 6] = ["参加", "出席", "列席", "召开", "举行", "听取"];

/// `s` if it names a city, district or county, in simplified script: one name
/// (at most six characters, `呼伦贝尔市`, or an autonomous one, `鄂温克族自治旗`)
/// or names within each other (`广州市黄埔区`); never a clause that happens to end
/// in 区 (`了各代表团酝酿区`, from `听取了各代表团酝酿区第二十届…`).
fn is_named_place(s: &str) -> Option<String> {
    let f = to_simplified(s);
    let cs: Vec<char> = f.chars().collect();
    let ending = |c: char| PLACE_ENDINGS.contains(&c);
    // (A banner's name may be long: `达尔罕茂明安联合旗`.)
    let one = |p: &[char]| {
        let n = p.len();
        let last = p.last().copied();
        last.is_some_and(ending) && (2..=6).contains(&n)
            || last == Some('旗') && n <= 10
            || p.windows(2).any(|w| w == ['自', '治']) && (4..=12).contains(&n)
    };
    let named = (3..=24).contains(&cs.len())
        && cs.iter().all(|&c| is_ideograph(c))
        && f.ends_with(ending)
        && !f.contains(NEVER_IN_A_PLACE)
        && (one(&cs) || names_within(&cs, &one));
    named.then_some(f)
}

/// Whether `cs` is names within each other, each a name by `one` (`广州市黄埔区`;
/// `遵义市播州区`, whose `播州` ends in a place's ending inside a name; `济南市
/// 市中区`): every way of parting it after an ending is tried.
fn names_within(cs: &[char], one: &impl Fn(&[char]) -> bool) -> bool {
    cs.is_empty()
        || (1..cs.len() + 1).any(|i| {
            PLACE_ENDINGS.contains(&cs[i - 1]) && one(&cs[..i]) && names_within(&cs[i..], one)
        })
}

/// Characters no place's name has: particles and pronouns of a clause.
/// (Not `那`: `那曲市`.)
const NEVER_IN_A_PLACE: [char; 10] = ['了', '的', '们', '这', '把', '被', '些', '着', '各', '该'];

/// The names of documents a title may give its place before.
const NAMED_AFTER_PLACE: [&str; 6] = [
    "政府工作报告",
    "人民政府",
    "国民经济和社会发展",
    "预算执行",
    "预算草案",
    "决算",
];

/// The place a title names before the document's name or its author, outside
/// Shenzhen (`惠州市2010年政府工作报告`, `2006年花都區政府工作報告`, `汕尾市城区
/// 2021年…`, `关于东莞市2020年预算执行情况…`, `(广东省)江门市新会区国民经济和社会
/// 发展…`, `屯溪区人民政府关于…`, `中共宜秀区委…全体会议…`).
fn title_place(title: &str) -> Option<String> {
    let f = fold(title);
    // The party's committee of a place (`中共宜秀区委一届十二次全体会议…`).
    if let Some(r) = f
        .strip_prefix("中共")
        .or_else(|| f.strip_prefix("中国共产党"))
    {
        if let Some(place) = r.find('委').and_then(|p| is_named_place(&r[..p])) {
            return Some(place);
        }
    }
    let end = (NAMED_AFTER_PLACE.iter()).filter_map(|k| f.find(k)).min()?;
    // A site's tag of the province, and `关于`, stand before the place.
    let f = match f[..end].strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((_, rest)) => rest,
        None => &f[..end],
    };
    let f = f.strip_prefix("关于").unwrap_or(f);
    let end = f.len();
    let strip_year = |s: &str| -> String {
        let cs: Vec<char> = s.chars().collect();
        let year = cs.len() >= 5 && cs[..4].iter().all(|c| c.is_ascii_digit()) && cs[4] == '年';
        cs[if year { 5 } else { 0 }..].iter().collect()
    };
    let head = strip_year(&f[..end]);
    let head = head.strip_suffix("人民").unwrap_or(&head);
    // The year may stand after the place too.
    let cs: Vec<char> = head.chars().collect();
    let place: String = match cs.len() >= 5 && cs[cs.len() - 1] == '年' {
        true if cs[cs.len() - 5..cs.len() - 1]
            .iter()
            .all(|c| c.is_ascii_digit()) =>
        {
            cs[..cs.len() - 5].iter().collect()
        }
        _ => head.to_string(),
    };
    is_named_place(&place)
}

/// The district whom a speaker speaks for names (`我代表罗湖区人民政府`, `我谨
/// 代表大鹏新区管委会`), within `within` characters of those words.
fn speaks_for(folded: &str, within: usize) -> Option<String> {
    let (p, key) = speaker_words(folded)?;
    let said: String = folded[p..].chars().take(within).collect();
    // Outside Shenzhen, the place named before its government (`我代表南开区
    // 人民政府`; not `我代表区人民政府`).
    named_district(&said).or_else(|| {
        let whom = &said[key.len()..];
        let end = whom.find("人民政府").or_else(|| whom.find("政府"))?;
        // Not a region named by its kind alone (`自治区人民政府`), nor a committee.
        let named = &whom[..end];
        (!named.starts_with("自治") && !named.contains('委'))
            .then(|| is_named_place(named))
            .flatten()
    })
}

/// Where a speaker first says whom they speak for (`我代表`, `我谨代表`), and
/// which words.
fn speaker_words(folded: &str) -> Option<(usize, &'static str)> {
    (["我代表", "我谨代表"].iter())
        .filter_map(|k| folded.find(k).map(|p| (p, *k)))
        .min()
}

/// A copy that starts inside a speech to deputies, its title and opening lost
/// (`各位代表!一年来,…`): the work report of the government or new district's
/// committee its speaker speaks for in that paragraph (`我谨代表大鹏新区管委会,
/// 向新区人民…致以崇高的敬意`).
fn saluted_speech(folded: &str) -> Option<Opening> {
    let rest = folded.trim_start().strip_prefix("各位代表")?;
    if !rest.starts_with(['!', ':', ',']) {
        return None;
    }
    let (p, key) = speaker_words(folded)?;
    let whom: String = folded[p + key.len()..].chars().take(16).collect();
    let whom = whom.split([',', '。', ';']).next().unwrap_or_default();
    Some(Opening {
        kind: DocKind::WorkReport,
        title: Some(work_report_title(whom)?.to_string()),
        years: None,
        at_start: true,
    })
}

/// The work report of the body a speaker names (a government, or a new
/// district's committee: `大鹏新区管理委员会`), by its name.
fn work_report_title(whom: &str) -> Option<&'static str> {
    if whom.contains("政府") {
        Some("政府工作报告")
    } else if contains_any(whom, &["管理委员会", "管委会"]) {
        Some("管委会工作报告")
    } else {
        None
    }
}

/// The district the body is about: "我代表X人民政府", else the most frequent.
fn body_district(folded: &str) -> Option<String> {
    if let Some(d) = speaks_for(folded, 20) {
        return Some(d);
    }
    let best = DISTRICTS
        .iter()
        .map(|d| (folded.matches(d).count(), *d))
        .max_by_key(|&(n, _)| n)
        .filter(|&(n, _)| n >= 2)
        .map(|(_, d)| d.to_string());
    // `我市` is any city's: Shenzhen only where the report names it.
    let shenzhen = folded.contains("深圳") && (folded.contains(CITY) || folded.contains("我市"));
    best.or_else(|| bare_district(folded))
        .or_else(|| shenzhen.then(|| CITY.to_string()))
}

/// Shenzhen's districts by the names a report uses bare (`盐田港`, `新盐田`,
/// `盐田人`), each with the district's name in full (the current one where a new
/// district became a district).
const BARE_DISTRICTS: [(&str, &str); 11] = [
    ("罗湖", "罗湖区"),
    ("福田", "福田区"),
    ("南山", "南山区"),
    ("宝安", "宝安区"),
    ("龙岗", "龙岗区"),
    ("盐田", "盐田区"),
    ("龙华", "龙华区"),
    ("坪山", "坪山区"),
    ("光明", "光明区"),
    ("大鹏", "大鹏新区"),
    ("深汕", "深汕特别合作区"),
];

/// The district a report that never names itself in full is about (`我代表区人民
/// 政府`, then `盐田` 59 times): a bare name far more frequent than any other's
/// and than `深圳`'s. A city's report names its districts about evenly.
fn bare_district(folded: &str) -> Option<String> {
    let mut counts: Vec<(usize, &str)> = (BARE_DISTRICTS.iter())
        .map(|&(bare, full)| (folded.matches(bare).count(), full))
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    let (n, full) = counts[0];
    let second = counts[1].0;
    let city = folded.matches("深圳").count();
    (n >= 5 && n >= 3 * second.max(1) && n > city).then(|| full.to_string())
}

/// Whether a title is of a document about a plan's or budget's execution, not
/// the report itself: an audit of it, a notice about publishing it.
fn about_a_report(folded: &str) -> bool {
    contains_any(folded, &["审计", "公开", "通知"])
}

/// Whether a title is of a five-year plan's outline (`…国民经济和社会发展第十四个
/// 五年规划和二〇三五年远景目标纲要`, `…十四五规划`), not of a proposal for one, a
/// review of how one went, or a notice about it.
fn is_five_year_plan(folded: &str) -> bool {
    let Some(p) = folded.find("规划") else {
        return false;
    };
    let before = folded[..p].trim_end_matches(['”', '"', ' ']);
    let after = &folded[p + "规划".len()..];
    let five =
        before.ends_with("五年") || before.ends_with('五') && five_year_plan(before).is_some();
    // The plan's name ends the title, or its outline's does (`…规划和2035年远景
    // 目标纲要`): in prose, `“十四五”规划目标任务` is no title.
    let named = after.is_empty() || after.starts_with(['(', '和']) || after.starts_with("纲要");
    (five || after.contains("纲要"))
        && named
        && !folded.contains([',', '。', ';'])
        && !contains_any(folded, &["建议", "评估", "执行情况", "通知", "说明"])
        && !about_a_report(folded)
}

/// How a news lead says a work report was given.
const GAVE_REPORT: [&str; 5] = [
    "作政府工作报告",
    "作了政府工作报告",
    "作工作报告",
    "作了工作报告",
    "所作的政府工作报告",
];

/// Whether a document starts at a part that reviews a year's work
/// (`一、2013年工作回顾`, or unnumbered, `2015年工作回顾`): one of its lines
/// above its first prose.
fn starts_reviewing_a_year(head: &[String]) -> bool {
    head.iter().any(|f| reviews_a_year(f))
}

/// Whether a line is the heading of a part reviewing a year's work, numbered
/// or not (`一、2013年工作回顾`, `2015年工作回顾`, `2015年主要工作回顾`): a
/// report's first half, never its title (a title names whose report it is).
fn reviews_a_year(f: &str) -> bool {
    let t = f.trim();
    if !t.ends_with("工作回顾") || years(t).is_empty() {
        return false;
    }
    // Unnumbered, only the year and the words: a title names more
    // (`罗湖区2015年工作回顾`).
    let cs: Vec<char> = t.chars().take(13).collect();
    let bare = cs.len() <= 12 && cs[..4].iter().all(char::is_ascii_digit) && cs[4] == '年';
    label(t).is_some() || bare
}

/// The kind a title (or a news lead) announces.
pub fn kind_of(folded: &str) -> DocKind {
    if folded.contains("政府工作报告") {
        DocKind::WorkReport
    } else if (folded.contains("发展计划")
        || folded.contains("执行情况")
            && contains_any(folded, &["国民经济", "经济社会发展", "经济和社会发展"]))
        && !about_a_report(folded)
    {
        // `国民经济和社会发展计划执行情况与…计划(草案)`, `2020年上半年经济社会
        // 发展执行情况`.
        DocKind::PlanReport
    } else if contains_any(folded, &["预算执行情况", "预算草案", "决算"])
        && folded.contains("报告")
        && !about_a_report(folded)
    {
        DocKind::BudgetReport
    } else if is_five_year_plan(folded) {
        DocKind::FiveYearPlan
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
    } else if [
        "全会",
        "全体会议",
        "全体(扩大)会议",
        "党代会",
        "届代表大会",
        "次代表大会",
    ]
    .iter()
    .any(|k| {
        // (A congress numbered from the first is the party's when named
        // so: `中国共产党某区第四次代表大会`, not a federation's.)
        if *k == "次代表大会" {
            return (folded.match_indices(k)).any(|(i, _)| {
                let from = (folded[..i].char_indices().rev().nth(23)).map_or(0, |(b, _)| b);
                contains_any(&folded[from..i], &["中国共产党", "中共"])
            });
        }
        // `十八届三中全会` is the Central Committee's: what a local report
        // studies, never what it is (a committee named before it is local:
        // `区委六届五中全会`).
        (folded.match_indices(k)).any(|(i, _)| {
            if *k != "全会" || !folded[..i].ends_with('中') {
                return true;
            }
            let from = (folded[..i].char_indices().rev().nth(11)).map_or(0, |(b, _)| b);
            let before = &folded[from..i];
            ["区委", "市委", "县委", "省委"]
                .iter()
                .any(|w| before.contains(w))
        })
    }) {
        // The party's own meetings: a plenum of its committee, or the yearly
        // session of its congress (`六届三次党代会`, `中国共产党…第六届代表大会
        // 第三次会议`; a people's congress is a `届人民代表大会`), where the
        // secretary reports on the year.
        DocKind::PlenumReport
    } else if folded.contains("工作报告") && !folded.contains("审计") {
        // (An audit office's `审计工作报告` is no government work report.)
        DocKind::WorkReport
    } else {
        DocKind::Other
    }
}

/// Meeting name patterns; `N` is a run of Chinese numerals.
const MEETINGS: [&str; 15] = [
    "第N届人民代表大会第N次会议",
    // (A dateline may leave out the first 第: `甘肃省十四届人民代表大会第四次会议`.)
    "N届人民代表大会第N次会议",
    "第N届人大第N次会议",
    "N届人大N次会议",
    "区委第N届委员会第N次全体会议",
    "市委第N届委员会第N次全体会议",
    "区委N届N次全体会议",
    "市委N届N次全体会议",
    "区委N届N次全会",
    "市委N届N次全会",
    "第N届委员会第N次全体会议",
    "第N届代表大会第N次会议",
    "N届N次党代会",
    // A party congress, numbered on from the first (`中国共产党深圳市宝安区第七次
    // 代表大会`; not the national one, `第二十次全国代表大会`).
    "第N次代表大会",
    "第N次党代会",
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

/// The meetings named in a folded text, in order: each with what follows it up to
/// the end of its clause.
fn meetings(folded: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let cs: Vec<char> = folded.chars().collect();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < cs.len() {
            let start = i;
            i += 1;
            if let Some((p, e)) = MEETINGS
                .iter()
                .find_map(|p| Some((p, match_at(&cs, start, p)?)))
            {
                i = e;
                let clause = cs[e..]
                    .iter()
                    .take_while(|&&c| !",,。;;!?\n".contains(c))
                    .collect();
                // The 第 a dateline left out, put back: one congress, one name.
                let first = if p.starts_with("N届人民代表大会") {
                    "第"
                } else {
                    ""
                };
                let meeting = first.chars().chain(cs[start..e].iter().copied()).collect();
                return Some((meeting, clause));
            }
        }
        None
    })
}

/// The first meeting named in a folded text, as written (simplified).
pub fn find_meeting(folded: &str) -> Option<String> {
    meetings(folded).next().map(|(m, _)| m)
}

/// Words saying that a meeting takes place.
const HELD: [&str; 5] = ["召开", "举行", "开幕", "闭幕", "隆重"];

/// The meeting a lead reports as the occasion: one its clause says is held
/// (`区委七届四次全会在罗湖会堂召开`) or spoken at (`…全会上作报告`). A meeting the
/// text only cites (`市委六届十一次全会要求…`, `区七届人大一次会议以来`) is not the
/// document's occasion.
fn held_meeting(folded: &str) -> Option<String> {
    meetings(folded)
        .find(|(_, clause)| {
            let spoken_at =
                clause.starts_with('上') && ["报告", "讲话"].iter().any(|w| clause.contains(w));
            spoken_at || HELD.iter().any(|w| clause.contains(w))
        })
        .map(|(m, _)| m)
}

/// Roles, longest first so that 区委书记 wins over 书记: the heads of the
/// governments of a district, city, county, province, prefecture or banner, their
/// deputies and acting heads, an autonomous region's chairman, party secretaries
/// and the heads of offices.
const ROLES: [&str; 35] = [
    "代理区长",
    "代理市长",
    "代理县长",
    "代理省长",
    "代理州长",
    "代理旗长",
    "区委书记",
    "市委书记",
    "县委书记",
    "省委书记",
    "代区长",
    "代市长",
    "代县长",
    "代省长",
    "代州长",
    "代旗长",
    "副区长",
    "副市长",
    "副县长",
    "副省长",
    "副州长",
    "副旗长",
    "副主席",
    "区长",
    "市长",
    "县长",
    "省长",
    "州长",
    "旗长",
    "主席",
    "主任",
    "书记",
    "局长",
    "组长",
    "镇长",
];

/// What the office a role heads ends with, when it stands between the role and
/// its place (`深圳市发展和改革委员会主任`, `大鹏新区管委会主任`,
/// `坪山区政府筹备组组长`, `深汕特别合作区党工委书记`, `区财政局局长`).
const OFFICES: [&str; 6] = ["委员会", "管委会", "工委", "局", "办公室", "筹备组"];

/// The office in `prefix`, after its place if it names one: `发展和改革委员会`
/// in `深圳市发展和改革委员会`.
fn office_of(prefix: &str) -> Option<&str> {
    let starts: Vec<usize> = prefix.char_indices().map(|(i, _)| i).collect();
    // The longest place first, so that the office is what is left.
    let office = (starts.iter().rev())
        .map(|&i| (&prefix[..i], &prefix[i..]))
        .find(|(place, _)| matches!(*place, "" | "区" | "市") || is_place(place))?
        .1;
    // A bare committee is the party's (`中共深圳市委员会书记`): no office; nor
    // is what still names a place (`…合作区党工委`: the place is before it).
    if office == "委员会" || office.contains(['区', '市', '县']) {
        return None;
    }
    (ideographs_only(office, 2..=12) && OFFICES.iter().any(|o| office.ends_with(o)))
        .then_some(office)
}

/// Common surnames (both scripts): a bare name line must start with one.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶\
程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔\
向汤温骆聂傅洪康施文易樊赖俞章鲁葛伍申尤毕焦牛柴齐季阎庞殷谷车岳包左柯宁甘祝关\
张陳楊黃趙吳劉張孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆龔萬錢嚴湯顧賀羅駱溫聶蔣龍\
賴魯畢齊龐殷穀車嶽寧關";

/// Less common surnames (both scripts), trusted only after a role that runs
/// into the name (`区长蒲发友`): the role says a name follows, where a bare line
/// starting with one is more often a word (`成就`, `路线`).
const MORE_SURNAMES: &str = "蒲邢裴翟常安乐时皮卞元卜穆萧祁禹米贝臧伏成谈茅纪舒屈项阮蓝闵席麻强路娄危童\
颜梅盛刁凌霍虞支管房裘缪解应宗宣郁单杭诸吉嵇荣翁荀惠甄曲封芮储靳松井富巫巴弓牧山全班仲伊宫仇栾戎祖符景\
詹束幸司郜薄印宿怀邰鄂索卓蔺屠蒙池乔胥苍闻党贡劳姬扶冉雍桑桂濮寿边扈燕冀浦尚农庄晏瞿慕连茹习艾鱼容古戈\
庾居衡步耿满匡寇禄阙欧沃利越隆师巩晁敖冷辛阚那简饶沙鞠丰巢相查荆游竺权逯盖桓代\
樂時貝紀項藍閔強婁顏淩繆應單諸榮儲喬聞黨貢勞壽邊莊連習魚衛鞏闕歐師敖饒豐";

/// The dots that part a name transcribed from another language
/// (`艾尔肯·吐尼亚孜`).
const NAME_DOTS: [char; 4] = ['·', '・', '•', '‧'];

/// `s` as a person's name, its spaces closed up: two to four characters, or a
/// transcribed name's parts between dots (at most twelve characters).
fn name_chars(s: &str) -> Option<String> {
    let name: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let n = name.chars().count();
    let parts: Vec<&str> = name.split(NAME_DOTS).collect();
    let transcribed = parts.len() > 1
        && n <= 13
        && (parts.iter()).all(|p| !p.is_empty() && p.chars().all(is_ideograph));
    ((2..=4).contains(&n) && name.chars().all(is_ideograph) || transcribed).then_some(name)
}

/// What the name of a place ends with: district, city, county, province,
/// prefecture, banner, league (an autonomous region is a 区 too).
const PLACE_ENDINGS: [char; 7] = ['区', '市', '县', '省', '州', '旗', '盟'];

/// Whether `s` names a place a role can belong to (`南山区`, `深圳市南山区`,
/// `广东省`, `自治区`), or a place within one however long the two
/// (`呼伦贝尔市海拉尔区`).
fn is_place(s: &str) -> bool {
    let one = |s: &str| {
        s.ends_with(PLACE_ENDINGS)
            && (3..=8).contains(&s.chars().count())
            && !s.contains(['副', '代', '委', '长', '记'])
    };
    one(s)
        || (s.char_indices())
            .filter(|&(_, c)| PLACE_ENDINGS.contains(&c))
            .map(|(p, c)| s.split_at(p + c.len_utf8()))
            .any(|(outer, inner)| one(outer) && one(inner))
}

/// Whether `prefix` may stand before `role` in a speaker's title: nothing, or the
/// place the role belongs to, written before it (`南山区区长`) or sharing its
/// first character (`罗湖区委书记` is 罗湖 + 区委书记).
fn is_role_place(prefix: &str, role: &str) -> bool {
    // The office the role heads may stand between (`盐田区人民政府区长`,
    // `区人民政府区长`).
    let prefix = prefix.strip_suffix("人民政府").unwrap_or(prefix);
    if matches!(prefix, "区" | "市" | "县" | "省" | "州" | "自治区") {
        return true;
    }
    let shared = role
        .chars()
        .next()
        .filter(|c| matches!(c, '区' | '市' | '县' | '省'))
        .is_some_and(|c| is_place(&format!("{prefix}{c}")));
    prefix.is_empty() || is_place(prefix) || shared
}

/// The role a speaker's title ends with, alone or after its place (`南山区区长`),
/// with the office it heads when that is not the government itself
/// (`发展和改革委员会主任`).
fn role_of(title: &str) -> Option<String> {
    ROLES.iter().find_map(|r| {
        let p = title.strip_suffix(r)?;
        match is_role_place(p, r) {
            true => Some(r.to_string()),
            false => office_of(p).map(|o| format!("{}{r}", to_simplified(o))),
        }
    })
}

/// `name` if it starts with a common surname.
fn surnamed(name: String) -> Option<String> {
    SURNAMES.contains(name.chars().next()?).then_some(name)
}

/// Whether `line` is only a speaker ([`speaker_line`]).
pub(super) fn is_speaker_line(line: &str) -> bool {
    speaker_line(line).is_some()
}

/// A line that is only a speaker: `区长 贺海涛`, `南山区区长 王强`, `区长王强`,
/// `范 德 繁` or `某某区人民政府 王强`.
fn speaker_line(line: &str) -> Option<Speaker> {
    let line = line.trim_start().trim_start_matches(BULLETS);
    let f = fold(line);
    let f = f.trim();
    let name_char = |c: char| is_ideograph(c) || c.is_whitespace() || NAME_DOTS.contains(&c);
    if f.chars().count() > 24 || !f.chars().all(name_char) {
        return None;
    }
    let with_role = |name, r: String| {
        Some(Speaker {
            name,
            role: Some(r),
        })
    };
    // The role ends the first word; the name is the rest (`fold` keeps whitespace).
    if let (Some((title, _)), Some((_, name))) = (
        f.split_once(char::is_whitespace),
        line.trim().split_once(char::is_whitespace),
    ) {
        if let Some(r) = role_of(title) {
            return with_role(name_chars(name)?, r);
        }
        // The government the speaker heads, with no role (`光明区人民政府  蔡颖`).
        let government = title.strip_suffix("人民政府").is_some_and(is_place);
        if government {
            let name = surnamed(name_chars(name)?)?;
            return Some(Speaker { name, role: None });
        }
    }
    // `区长王强`: role and name run together, so the name must look like one.
    if let Some((r, name)) = role_name_splits(line, &[2, 3]).next() {
        // (A less common one after a place's role and before two more
        // characters only: `区长常务会`, `区委书记党课` are no names.)
        let placed =
            fold(line).chars().filter(|c| !c.is_whitespace()).count() > r.chars().count() + 3;
        let more = placed
            && name.chars().count() == 3
            && name
                .chars()
                .next()
                .is_some_and(|c| MORE_SURNAMES.contains(c));
        return with_role(if more { Some(name) } else { surnamed(name) }?, r);
    }
    // A bare name of four characters has a two-character surname (`欧阳明高`);
    // with a common one it is more often a word (`宁夏要闻`, `张家口市`). (A
    // bare four-character name of another kind, `白玛赤林`, is lost: a speaker
    // line with the role keeps it.)
    let name = name_chars(line)?;
    let name = match name.chars().count() {
        4 => Some(name).filter(|n| COMPOUND_SURNAMES.iter().any(|s| fold(n).starts_with(s))),
        _ => surnamed(name),
    };
    name.map(|name| Speaker { name, role: None })
}

/// Two-character surnames (folded): the first two characters of a four-character
/// name.
const COMPOUND_SURNAMES: [&str; 16] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "端木", "南宫",
];

/// The ways `s` (its spaces aside) is a role, after its place, then a name of
/// one of `lengths` characters, in that order: the role read folded, the name
/// from the original characters (so only where folding kept their number).
fn role_name_splits(s: &str, lengths: &'static [usize]) -> impl Iterator<Item = (String, String)> {
    let cs: Vec<char> = fold(s).chars().filter(|c| !c.is_whitespace()).collect();
    let orig: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let aligned = cs.len() == orig.len();
    (lengths.iter().filter(move |_| aligned)).filter_map(move |&n| {
        let k = cs.len().checked_sub(n)?;
        let r = role_of(&cs[..k].iter().collect::<String>())?;
        Some((r, orig[k..].iter().collect()))
    })
}

/// `罗湖区委书记贺海涛代表区委常委会向全会作工作报告` → 贺海涛, 区委书记.
/// `f` is the line's [`fold`].
fn speaker_in_prose(line: &str, f: &str) -> Option<Speaker> {
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
            // A role with no name before the salutation (`区长各位代表:`), or
            // one who entrusted the speaker (`受某某书记委托,我代表…`).
            let rest: String = cs[s..].iter().take(2).collect();
            if ["各位", "委托"].contains(&rest.as_str()) {
                continue;
            }
            for n in [3, 2] {
                let e = s + n;
                // A name, with its surname (`区长办公会` names a meeting).
                let named = e <= cs.len()
                    && cs[s..e].iter().all(|&c| is_ideograph(c))
                    && (SURNAMES.contains(orig[s]) || SURNAMES.contains(cs[s]));
                if !named {
                    continue;
                }
                let next: String = cs[e..].iter().take(2).collect();
                // The one who gives the report, not one who speaks after it
                // (`区长某某作专题讲话`).
                let clause: String = cs[e..].iter().take_while(|&&c| c != '。').collect();
                if !clause.contains("报告") {
                    continue;
                }
                // (Or chairs the meeting and gives the report too: `…书记某某主持
                // 大会,并代表区委向大会作了报告`.)
                let chairs_and_reports = next == "主持"
                    && clause.split_once(',').is_some_and(|(_, then)| {
                        let then = then.split(',').next().unwrap_or("");
                        then.starts_with("并代表") && then.contains("报告")
                    });
                if ["代表", "同志", "所作", "所做"].contains(&next.as_str())
                    || next.starts_with(['向', '在', '作', '就', ',', ','])
                    || chairs_and_reports
                {
                    // With the office it heads, when one stands before it
                    // (`合作区党工委书记`): the longest title that reads as one.
                    let role = (1..=12)
                        .rev()
                        .filter_map(|k| i.checked_sub(k))
                        .find_map(|from| role_of(&cs[from..s].iter().collect::<String>()))
                        .unwrap_or_else(|| r.to_string());
                    return Some(Speaker {
                        name: orig[s..e].iter().collect(),
                        role: Some(role),
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

pub const TITLE_WORDS: [&str; 14] = [
    "报告", "工作", "方案", "要点", "计划", "规划", "意见", "决定", "通知", "纲要", "全会", "办法",
    "讲话", "公报",
];

/// A line that is only a date (`(2013年5月20日)`, `二〇二〇年一月九日`).
fn is_date_line(f: &str) -> bool {
    let t = f.trim_matches(|c: char| "()[]【】 ".contains(c));
    let words = t
        .chars()
        .filter(|&c| is_ideograph(c) && !is_zh_numeral(c) && !"年月日".contains(c))
        .count();
    first_date(t).is_some_and(|(p, _)| p == 0) && words <= 1 && t.chars().count() <= 16
}

fn is_doc_number(f: &str) -> bool {
    (f.contains('〔') || f.contains('[')) && f.ends_with('号') && f.chars().count() <= 20
}

/// A line saying when and where the report was delivered: `——2021年11月3日在…`,
/// `(2020年1月9日在…会议上)`, `(在…会议上)`, `在…会议上`.
pub(super) fn is_meeting_line(f: &str) -> bool {
    // Dashes the mojibake ate are unknown characters now (`��2021年1月27日在…`).
    let f = f.trim_start_matches(UNKNOWN_CHAR);
    if f.starts_with(DASHES) {
        return true;
    }
    // Hyphens for the dash: the line must read as a dateline without them (a
    // row of hyphens is a rule).
    if let Some(rest) = hyphen_dash(f) {
        return is_meeting_line(rest);
    }
    let bracketed = f.starts_with('(');
    let t = f.trim_start_matches('(');
    let Some(p) = t.find('在') else {
        return false;
    };
    // Before 在 at most a date (`2020年1月9日`).
    let dated = p == 0 || (t[..p].ends_with('日') && first_date(t).is_some_and(|(d, _)| d == 0));
    // It ends the line, or the speaker follows it there (`…会议上 陕西省省长 赵刚`).
    // (A speaker with a role: a bare word after the meeting may be anything.)
    let ends = t.ends_with('上')
        || meeting_end(t)
            .and_then(|e| speaker_line(t[e..].trim()))
            .is_some_and(|sp| sp.role.is_some());
    let at_meeting = ends && ["会议", "大会", "全会"].iter().any(|w| t.contains(w));
    dated && (bracketed || at_meeting)
}

/// Whether a meeting line goes on to the next one: a dash line not yet at its
/// `…会议上`, a bracket not yet closed.
fn meeting_goes_on(f: &str) -> bool {
    let closed = f.ends_with('上') || f.ends_with("上)");
    let dashed = f.starts_with(DASHES) || hyphen_dash(f).is_some_and(|r| r.contains('在'));
    (dashed && !closed) || (f.starts_with('(') && !f.contains(')'))
}

/// The title alone, without the delivery a line may carry after it: a bracket
/// (`…报告(在…会议上)`, `…报告(2016年3月29日)`) or a dash (`…报告—2024年1月24日在…会议上`), as the copy
/// of a report's cover or a file name sets them on one line.
fn strip_dateline(title: &str) -> String {
    let t = title.trim();
    if let Some(p) = t.rfind('(') {
        let tail = fold(&t[p..]);
        let meeting = tail.starts_with("(在") && (tail.contains("会议") || tail.contains("大会"));
        // `政府工作报告(2016年3月29日)`: the date it was given.
        if t.ends_with(')') && p > 0 && (meeting || is_date_line(&tail)) {
            return t[..p].trim().to_string();
        }
    }
    match dateline_at(t, &fold(t)) {
        Some(p) if p > 0 => t[..p].trim().to_string(),
        _ => t.to_string(),
    }
}

/// Dashes that open a speech's dateline (`——`, `──`, `—`).
pub(super) const DASHES: [char; 3] = ['—', '─', '―'];

/// Hyphens a plain-text copy types a dash with, either width.
const HYPHENS: [char; 2] = ['-', '－'];

/// What follows the dash of a dateline typed as two or more hyphens at the
/// start of `f`, as a plain-text copy sets it (`----2012年2月29日在…会议上`).
fn hyphen_dash(f: &str) -> Option<&str> {
    let rest = f.trim_start_matches(HYPHENS);
    (f[..f.len() - rest.len()].chars().nth(1).is_some()).then_some(rest.trim_start())
}

/// Where a dash dateline starts in a line: dashes, then a date or 在, and a
/// meeting it was delivered at (`—2024年1月24日在…会议上`). `folded` is the
/// line's [`fold`].
fn dateline_at(line: &str, folded: &str) -> Option<usize> {
    // A copy pulled from a document file may set the dash as the numeral 一,
    // which looks the same; it stands before the year's digits then.
    let dash = (line.find(DASHES)).map(|p| (p, line[p..].trim_start_matches(DASHES)));
    // Or hyphens (see [`hyphen_dash`]): every such pair is tried
    // (`某某区(2016--2020)政府工作报告--2020年…`).
    let hyphens =
        (line.match_indices(HYPHENS)).filter_map(|(p, _)| Some((p, hyphen_dash(&line[p..])?)));
    let numeral = (line.match_indices('一')).find_map(|(p, _)| {
        let after = &line[p + '一'.len_utf8()..];
        after
            .starts_with(|c: char| c.is_ascii_digit())
            .then_some((p, after))
    });
    // Or the line starts with it, with no dash at all (`2014年1月16日在…会议上`):
    // read only when neither of those is a dateline.
    let start = || {
        // … and the meeting ends the sentence: a speaker or the salutation may
        // follow, not more of a sentence (`…会议上确定的各项目标任务全面完成。`).
        let on_the_day = (folded.find("日在").zip(folded.find("会议上"))).is_some_and(|(d, m)| {
            let rest = &folded[m + "会议上".len()..];
            let upto = &rest[..rest.find("各位").unwrap_or(rest.len())];
            d < m && !has_sentence_punct(upto) && !upto.contains([',', ':'])
        });
        (on_the_day && first_date(folded).is_some_and(|(d, _)| d == 0)).then_some((0, line))
    };
    let read = |(p, after): (usize, &str)| {
        let after = fold(after);
        let dated = after.starts_with('在') || first_date(&after).is_some_and(|(d, _)| d == 0);
        let at_meeting = after
            .find("会议上")
            .is_some_and(|q| after[..q].contains('在'));
        (dated && at_meeting).then_some(p)
    };
    ([dash, numeral]
        .into_iter()
        .flatten()
        .chain(hyphens)
        .find_map(read))
    .or_else(|| start().and_then(read))
}

/// How a dateline ends, in either script (`…会议上`), for reading what follows
/// it in the line as it stands.
const MEETING_ENDS: [&str; 2] = ["会议上", "會議上"];

/// Where the first of [`MEETING_ENDS`] in `s` ends.
fn meeting_end(s: &str) -> Option<usize> {
    (MEETING_ENDS.iter()).find_map(|m| s.find(m).map(|p| p + m.len()))
}

/// A head run into its first paragraph, as text pulled from a PDF or a document
/// file loses its line breaks: `[title]——date在…会议上[speaker]各位代表:现在…`.
/// Returns the title before the dateline, the dateline (folded, up to its
/// `会议上`) and the speaker between it and the salutation. `folded` is the
/// line's [`fold`].
fn run_on_head(line: &str, folded: &str) -> Option<(Option<String>, String, Option<Speaker>)> {
    let p = dateline_at(line, folded)?;
    // The 一 standing for a dash (a dash's own dashes stay, as datelines have them).
    let rest = &line[p..];
    let rest = rest.strip_prefix('一').unwrap_or(rest);
    let end = meeting_end(rest)?;
    let salute = rest[end..].find("各位代表").unwrap_or(0);
    let between: String = rest[end..end + salute]
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !c.is_whitespace())
        .collect();
    let title = Some(line[..p].trim().to_string()).filter(|t| !t.is_empty());
    let speaker = speaker_line(&between).or_else(|| role_then_name(&between));
    Some((title, fold(&rest[..end]), speaker))
}

/// A role and the name right after it, in a stretch known to hold nothing else
/// (a run-on head's, between the meeting and the salutation): the name needs
/// no common surname there (`龙岗区人民政府区长代某某`).
fn role_then_name(s: &str) -> Option<Speaker> {
    role_name_splits(s, &[4, 3, 2]).find_map(|(r, name)| {
        Some(Speaker {
            name: name_chars(&name)?,
            role: Some(r),
        })
    })
}

/// A headline for a news report that has none: the lead's first sentence, without
/// its leading date.
fn news_headline(line: &str) -> String {
    let mut s = without_wire_credit(line.trim());
    let when = leading_month_day(s).is_some() || NEWS_DAYS.iter().any(|w| s.starts_with(w));
    if when {
        if let Some(p) = s.find(',') {
            s = s[p..].trim_start_matches([',', ' ']);
        }
    }
    // Its first sentence that says something (a copy may open on a stray mark).
    s.split(['。', ';', '!', '?'])
        .map(|t| t.trim_start_matches(|c: char| !c.is_alphanumeric() && !"“《(（「『".contains(c)))
        .find(|t| t.chars().filter(|&c| is_ideograph(c)).nth(3).is_some())
        .unwrap_or("")
        .chars()
        .take(40)
        .collect()
}

/// Words a news lead opens with for the day of its story.
const NEWS_DAYS: [&str; 7] = ["昨日", "昨天", "今日", "今天", "日前", "近日", "当天"];

/// A line of the container a report was printed in, never its title: an issue of
/// a periodical (`政府公报 2021年第5期`) or an entry of the issue's table of
/// contents (`1.政府工作报告`), numbered as headings are — and a title never is.
fn is_container_line(f: &str) -> bool {
    label(f).is_some() || is_issue(f) || is_contents_entry(f) || is_menu(f)
}

/// A table-of-contents entry led to its page number (`政府工作报告……1`,
/// `政府工作报告.......1`); one dash or dot before a number is not a leader
/// (`工作要点2019-2020`).
fn is_contents_entry(f: &str) -> bool {
    let text = f.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    let leader = text
        .chars()
        .rev()
        .take_while(|c| matches!(c, '…' | '.' | '·' | '-' | '_'))
        .collect::<String>();
    text.len() < f.len() && (leader.contains('…') || leader.chars().count() >= 2)
}

/// Whether a line numbers an issue (`第5期`, `总第118期`).
fn is_issue(f: &str) -> bool {
    f.match_indices('第').any(|(p, _)| {
        let rest = &f[p + '第'.len_utf8()..];
        let n = rest
            .chars()
            .take_while(|&c| c.is_ascii_digit() || is_zh_numeral(c))
            .count();
        n > 0 && rest.chars().nth(n) == Some('期')
    })
}

/// A heading set with a space between its letters (`政 府 工 作 报 告`) closed up;
/// any other line trimmed.
fn close_up(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let spaced = words.len() >= 3
        && words
            .iter()
            .all(|w| w.chars().count() == 1 && w.chars().all(is_ideograph));
    if spaced {
        words.concat()
    } else {
        line.trim().to_string()
    }
}

/// What the lines above a report's first paragraph of prose say: the title, the
/// meeting and delivery line, a date line and the speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Head {
    /// The line the title stands on: the report starts there. Lines above it are
    /// the page's or its container's (a gazette's cover and table of contents).
    title_at: Option<usize>,
    /// The title as the report gives it (spaced letters closed up, a bracketed
    /// meeting dropped); `None` for a news report, which has only a lead.
    title: Option<String>,
    /// Folded text naming the meeting and the delivery (`——2021年10月17日在…会议上`).
    meeting_text: String,
    /// The first date standing alone on a line.
    date: Option<Ymd>,
    speaker: Option<Speaker>,
    /// Index of the first line of prose (the head's end).
    first_prose: usize,
}

impl Head {
    /// The first line of the report itself: its title line, else the top.
    pub fn report_start(&self) -> usize {
        self.title_at.unwrap_or(0)
    }
}

/// Reads the head of the report's lines (after furniture removal).
/// `folded[i]` is the [`fold`] of `lines[i]`.
pub fn read_head(lines: &[&str], folded: &[String]) -> Head {
    let prose_from = |from: usize| {
        (lines[from..].iter().position(|l| is_prose(l)))
            .map_or(lines.len().min(from + 8), |p| from + p)
    };
    let mut first_prose = prose_from(0);
    // A repost's own headline and blurb above the report (`查看原文`, a
    // headline with `!`, `深圳梦 2021-10-08`): the report's head is its titled,
    // dated lines further on.
    let mut top = 0;
    if let Some(t) = dated_title_at(folded).filter(|&t| t > first_prose) {
        top = t;
        first_prose = prose_from(t);
    }
    let mut head = Head {
        first_prose,
        ..Head::default()
    };
    // A line with a title word wins over the first line that merely has words.
    let mut named: Option<(usize, String)> = None;
    let mut fallback: Option<(usize, String)> = None;
    let mut in_meeting = false;
    let mut title_dateline: Option<(String, Option<Speaker>)> = None;
    for (i, (&line, f)) in lines[..first_prose]
        .iter()
        .zip(folded)
        .enumerate()
        .skip(top)
    {
        let f = f.as_str();
        if in_meeting {
            head.meeting_text.push_str(f);
            in_meeting = !(f.ends_with('上') || f.ends_with("上)") || f.ends_with(')'));
            continue;
        }
        if is_meeting_line(f) {
            // The speaker may follow on the dateline's line (`——…会议上 深圳市市长
            // 某某`, `…會議上 區長 某某`).
            let after = meeting_end(line);
            let speaker = after.and_then(|p| speaker_line(&line[p..]));
            let f = match (after, &speaker) {
                (Some(p), Some(sp)) => {
                    head.speaker.get_or_insert(sp.clone());
                    fold(&line[..p])
                }
                _ => f.to_string(),
            };
            head.meeting_text.push_str(&f);
            in_meeting = meeting_goes_on(&f);
            continue;
        }
        // A dateline with no dash or bracket broken over two lines
        // (`2018年1月25日在某区第七届` over `人民代表大会第三次会议上`).
        let next = folded.get(i + 1).map_or("", |n| n.trim());
        if !next.is_empty() && is_meeting_line(&format!("{f}{next}")) && !has_sentence_punct(f) {
            head.meeting_text.push_str(f);
            in_meeting = true;
            continue;
        }
        if is_date_line(f) {
            head.date = head.date.or(first_date(f).map(|(_, d)| d));
            continue;
        }
        if let Some(sp) = speaker_line(line) {
            head.speaker.get_or_insert(sp);
            continue;
        }
        let skip = is_doc_number(f)
            || is_site_name(line)
            || is_column_name(f)
            || is_container_line(f)
            || has_address(f)
            // A line ending with a colon introduces what follows (`各位代表:`,
            // `现将有关情况报告如下:` in a copy that lost its title): no title.
            || f.trim_end().ends_with(':');
        if skip {
            continue;
        }
        // A title with its dateline after a dash (`…工作报告——2015年1月27日在…
        // 会议上`) under the page's own title: the dateline is the meeting's
        // whichever line is taken for the title, when no other line gives one.
        if let Some(p) = dateline_at(line, f).filter(|&p| p > 0 && title_dateline.is_none()) {
            let rest = &line[p..];
            let end = meeting_end(rest).unwrap_or(rest.len());
            title_dateline = Some((fold(&rest[..end]), speaker_line(&rest[end..])));
        }
        // A copy that starts at its first half (`2015年工作回顾`) has lost
        // its title.
        if reviews_a_year(f) {
            continue;
        }
        let t = close_up(bare_title(line));
        let tf = fold(&t);
        if named.is_none() && TITLE_WORDS.iter().any(|w| tf.contains(w)) && tf.chars().count() <= 80
        {
            named = Some((i, t));
        } else if fallback.is_none() && cjk_count(&tf) >= 4 {
            fallback = Some((i, t));
        }
    }
    if let Some((i, t)) = named.or(fallback) {
        // (The line over a title found under a repost's blurb may be its
        // first part.)
        let (i, t) = whole_title(lines, folded, (top.saturating_sub(1), first_prose), i, t);
        let title = strip_dateline(&t);
        // `…报告(在…会议上)`: the bracket after the title names the meeting;
        // `…报告(2016年3月29日)` dates it.
        if let Some(rest) = fold(&t).strip_prefix(fold(&title).as_str()) {
            match is_date_line(rest) {
                true => head.date = head.date.or(first_date(rest.trim()).map(|(_, d)| d)),
                false => head.meeting_text.push_str(rest),
            }
        }
        head.title_at = Some(i);
        head.title = Some(title);
    }
    if let Some((dateline, speaker)) = title_dateline.filter(|_| head.meeting_text.is_empty()) {
        head.meeting_text = dateline;
        head.speaker = head.speaker.or(speaker);
    }
    if head.meeting_text.is_empty() {
        read_run_on_head(lines, folded, &mut head);
    }
    if head.speaker.is_none() {
        // A head whose dateline stood in the title (a file name's) may run into
        // a paragraph a line or two further on (after a sharing site's blurb),
        // and name the speaker there.
        head.speaker = (lines.iter().zip(folded).skip(head.first_prose).take(3))
            .find_map(|(l, f)| run_on_head(l, f)?.2);
    }
    head
}

/// Whether a line holds a web address (a page's link, a spreadsheet row's
/// source column): a title never does.
fn has_address(f: &str) -> bool {
    ["http://", "https://", "www."]
        .iter()
        .any(|a| f.contains(a))
}

/// The documents a `关于…` title names at its end (`…的报告`, `…的意见`).
const ABOUT_ENDS: [&str; 9] = [
    "报告", "意见", "决定", "通知", "方案", "办法", "说明", "决议", "要点",
];

/// A title broken over two lines, as a cover sets a long one
/// (`关于深圳市2020年国民经济和社会发展` over `计划执行情况与2021年计划草案的报告`):
/// the title found at line `i` (of the head's lines `within`) with the line it
/// goes on to or goes on from. A title that starts with `关于` ends with what it
/// is about (`…的报告`); its first part names no document of its own.
fn whole_title(
    lines: &[&str],
    folded: &[String],
    within: (usize, usize),
    i: usize,
    t: String,
) -> (usize, String) {
    let part = |j: usize| {
        let f = folded.get(j).map(|f| f.trim()).unwrap_or("");
        let fits = (within.0..within.1).contains(&j)
            && !f.is_empty()
            && !has_sentence_punct(f)
            && !f.contains([',', ':'])
            && !is_meeting_line(f)
            && !is_date_line(f)
            && speaker_line(lines[j]).is_none();
        fits.then(|| close_up(bare_title(lines[j])))
    };
    // What it is about: long enough to name a place and a year (not a site's
    // `关于我们`).
    let opens = |s: &str| {
        let f = fold(s);
        f.starts_with("关于") && f.chars().count() >= 8 && f.contains('年')
    };
    // A `关于…` title ends with the document it names, a bracketed note
    // (`(草案)`) aside.
    let ends = |s: &str| {
        let f = fold(s);
        let f = f.trim_end();
        let f = match f.strip_suffix(')').and_then(|r| r.rfind('(')) {
            Some(p) => &f[..p],
            None => f,
        };
        ABOUT_ENDS.iter().any(|w| f.ends_with(w))
    };
    let joined = |a: &str, b: &str| {
        let whole = format!("{a}{b}");
        (whole.chars().count() <= 80).then_some(whole)
    };
    let about = |s: &str| fold(s).starts_with("关于");
    if opens(&t) && !ends(&t) {
        let next = part(i + 1).filter(|n| ends(n) && !about(n));
        if let Some(whole) = next.and_then(|n| joined(&t, &n)) {
            return (i, whole);
        }
    }
    if !about(&t) && ends(&t) && i > 0 {
        let before = part(i - 1).filter(|b| opens(b) && !ends(b));
        if let Some(whole) = before.and_then(|b| joined(&b, &t)) {
            return (i - 1, whole);
        }
    }
    (i, t)
}

/// Where, among a page's first lines, a title stands over the line naming the
/// meeting it was delivered at (`…政府工作报告` then `——2021年1月25日在…会议上`).
fn dated_title_at(folded: &[String]) -> Option<usize> {
    let lines: Vec<usize> = (0..folded.len().min(24))
        .filter(|&i| !folded[i].trim().is_empty())
        .collect();
    lines.windows(2).enumerate().find_map(|(k, w)| {
        let (t, m) = (folded[w[0]].trim(), folded[w[1]].trim());
        // A dateline may go on to the next line (`——2021年1月27日在某区` over
        // `第六届人民代表大会第八次会议上`).
        let next = lines.get(k + 2).map_or("", |&j| folded[j].trim());
        // (Read last: it folds the whole line, and most lines are no title.)
        let dateline = || {
            let starts = |l: &str| dateline_at(l, &fold(l)) == Some(0);
            starts(m) || meeting_goes_on(m) && starts(&format!("{m}{next}"))
        };
        let titled = TITLE_WORDS.iter().any(|k| t.contains(k))
            && t.chars().count() <= 80
            && !has_sentence_punct(t)
            && !t.contains([',', '!'])
            && label(t).is_none();
        // A dateline, not a paragraph led by a dash (`——经济实力显著增强。`).
        (titled && is_meeting_line(m) && dateline()).then_some(w[0])
    })
}

/// A site's column over its items (`盐田新闻`, `各区动态`, `要闻`), never a
/// title.
fn is_column_name(f: &str) -> bool {
    let f = f.trim();
    ideographs_only(f, 0..=8)
        && ["新闻", "动态", "要闻", "资讯", "快讯", "时政"]
            .iter()
            .any(|e| f.ends_with(e))
}

/// Fills the head from a first paragraph that carries it ([`run_on_head`]).
fn read_run_on_head(lines: &[&str], folded: &[String], head: &mut Head) {
    let first = (lines.get(head.first_prose)).zip(folded.get(head.first_prose));
    let Some((title, meeting, speaker)) = first.and_then(|(l, f)| run_on_head(l, f)) else {
        return;
    };
    head.meeting_text = meeting;
    head.speaker = head.speaker.take().or(speaker);
    if head.title.is_none() {
        head.title_at = title.is_some().then_some(head.first_prose);
        head.title = title.map(|t| close_up(bare_title(&t)));
    }
}

/// What follows a forum's tag of a thread's board or region (`[广东] 2019年…报告`,
/// `[转帖]…`): short and all words.
pub(super) fn board_tagged(line: &str) -> Option<&str> {
    let (tag, rest) = line.strip_prefix('[')?.split_once(']')?;
    ideographs_only(tag, 1..=8).then_some(rest.trim_start())
}

/// A title line without what a copying site adds around it: a bullet, a column
/// tag (`• 【招商】…`, `权威发布|…`), a page number a PDF or Word copy glued to it
/// (`1政府工作报告`) or a file extension (`….docx`).
fn bare_title(line: &str) -> &str {
    let mut t = line.trim().trim_start_matches(BULLETS);
    if t.starts_with('【') {
        if let Some(p) = t.find('】') {
            t = &t[p + '】'.len_utf8()..];
        }
    }
    // A forum's tag, before what names a document.
    if let Some(rest) = board_tagged(t).filter(|r| contains_any(&fold(r), &TITLE_WORDS)) {
        t = rest;
    }
    // A number is a page's only when what follows names the document on its
    // own: `10件民生实事…` counts things, `2019年…` is a year.
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    if (1..=3).contains(&(t.len() - rest.len()))
        && rest.starts_with(is_ideograph)
        && kind_of(&fold(rest)) != DocKind::Other
        && !rest.starts_with(['年', '月', '日', '届', '次', '号'])
    {
        t = rest;
    }
    // A page title's site name after a separator (`…的报告-某某网`): what
    // follows names no document and is no year (`…报告-2020`).
    if let Some(p) = t.rfind(['-', '_', '|']) {
        let (head, site) = (&t[..p], &t[p + 1..]);
        let names = |s: &str| contains_any(&fold(s), &TITLE_WORDS);
        let site_like = site.chars().any(is_ideograph) && !site.chars().any(|c| c.is_ascii_digit());
        if names(head) && !names(site) && site.chars().count() <= 20 && site_like {
            t = head.trim_end();
        }
    }
    // A column's tag before a bar (`权威发布|关于…的报告`): short, naming no
    // document, before what does.
    if let Some((tag, rest)) = t.split_once(['|', '｜']) {
        let names = |s: &str| contains_any(&fold(s), &TITLE_WORDS);
        if ideographs_only(tag, 0..=8) && !names(tag) && names(rest) {
            t = rest.trim_start();
        }
    }
    // A site's tag of the province before the title (`(广东省)2020年…`).
    if let Some((tag, rest)) = (t.strip_prefix(['(', '（'])).and_then(|r| r.split_once([')', '）']))
    {
        let province = tag.ends_with(['省', '區', '区']) && tag.chars().count() <= 8;
        if province && tag.chars().all(is_ideograph) && !rest.trim().is_empty() {
            t = rest.trim_start();
        }
    }
    // A copying site's note on its copy (`…报告—全文`, `…报告(全文)`,
    // `…报告(精选文档)`).
    // (Not `摘要`: an abstract is not the report.)
    for note in ["全文", "精选文档", "精选", "完整版", "word版"] {
        for (open, close) in [
            ("(", ")"),
            ("（", "）"),
            ("【", "】"),
            ("——", ""),
            ("—", ""),
            ("-", ""),
            (" ", ""),
        ] {
            if let Some(head) = t.strip_suffix(&format!("{open}{note}{close}")) {
                t = head.trim_end();
            }
        }
    }
    let lower = t.to_ascii_lowercase();
    [".docx", ".doc", ".pdf", ".wps", ".txt"]
        .iter()
        .find(|e| lower.ends_with(*e))
        .map_or(t, |e| &t[..t.len() - e.len()])
        .trim()
}

/// The one year a report is said to `word` (回顾, 安排): `回顾了2018年`,
/// `对2019年的工作进行了安排`, `2022年工作回顾`: a year and the word with at most
/// a few characters between them, in one clause.
fn told_years(body: &str, word: &str) -> Option<Period> {
    let cs: Vec<char> = body.chars().collect();
    let w: Vec<char> = word.chars().collect();
    let clause_end = |c: char| matches!(c, '。' | ',' | ';' | '\n');
    let mut found: Option<i32> = None;
    for (i, win) in cs.windows(w.len()).enumerate().take(20_000) {
        if win != w.as_slice() {
            continue;
        }
        // Before the word (`2022年工作回顾`, `对2019年的工作进行了安排`) or after
        // it (`回顾了2018年`), inside the clause.
        let from = (i.saturating_sub(14)..i)
            .rev()
            .find(|&k| clause_end(cs[k]))
            .map_or(i.saturating_sub(14), |k| k + 1);
        let to = (i + w.len()..(i + w.len() + 6).min(cs.len()))
            .find(|&k| clause_end(cs[k]))
            .unwrap_or((i + w.len() + 6).min(cs.len()));
        let near: String = cs[from..to].iter().collect();
        let ys = years(&near);
        match (ys.as_slice(), found) {
            ([y], None) => found = Some(*y),
            ([y], Some(f)) if *y == f => {}
            ([], _) => {}
            _ => return None,
        }
    }
    found.and_then(|y| span(y, y))
}

/// The years a document states, most direct first.
struct Years {
    /// In the title (`2014年政府工作报告`, `…报告(2012)`), unless it spans years.
    title: Option<i32>,
    /// A span in the title (`方案(2013—2015年)`).
    title_range: Option<Period>,
    /// Of the delivery, else of the publication.
    date: Option<i32>,
    /// The delivery's, else the publication's month.
    month: Option<u32>,
    /// The best year known: title, date, `YYYY年是…`, the most frequent.
    best: Option<i32>,
    /// The year a review opens with (`2019年是…。一年来,我们…`).
    opened: Option<i32>,
}

/// The year a paragraph declares and then looks back on (`2019年是…之年。一年
/// 来,我们…`): how a work report without numbered headings opens its review.
fn opened_year(body: &str) -> Option<i32> {
    // The words are searched for through the body, not line by line: only the
    // lines that hold one are read, in order.
    let mut from = 0;
    while let Some(at) = (["一年来", "过去一年"].iter())
        .filter_map(|w| body[from..].find(w))
        .min()
    {
        let start = from + body[from..from + at].rfind('\n').map_or(0, |p| p + 1);
        let end = body[start..].find('\n').map_or(body.len(), |p| start + p);
        let l = &body[start..end];
        let back = l.find("一年来").or_else(|| l.find("过去一年"));
        if let Some(y) = back.and_then(|b| stated_year(&l[..b])) {
            return Some(y);
        }
        from = end;
    }
    None
}

/// `2015年是…`: the year the text declares it is about.
fn stated_year(body: &str) -> Option<i32> {
    // `2019年是…`, `2019年,是…`: the first after a year (not `过去五年,是…`).
    let mut at: Vec<usize> = ["年是", "年,是"]
        .iter()
        .flat_map(|k| body.match_indices(k).map(|(p, _)| p))
        .collect();
    at.sort_unstable();
    at.into_iter().find_map(|p| {
        let before: Vec<char> = body[..p].chars().rev().take(4).collect();
        let year: String = before.into_iter().rev().collect();
        year.parse::<i32>()
            .ok()
            .filter(|y| (1949..=2100).contains(y))
    })
}

/// The year the text mentions most often (the latest of equals).
fn frequent_year(body: &str) -> Option<i32> {
    let ys = years(body);
    ys.iter()
        .map(|&y| (ys.iter().filter(|&&x| x == y).count(), y))
        .max()
        .map(|(_, y)| y)
}

fn years_of(m: &Meta, title_folded: &str, body: &str) -> Years {
    let title_range = year_range(title_folded);
    let title = years(title_folded)
        .first()
        .copied()
        .filter(|_| title_range.is_none());
    let dated = m.delivered.or(m.published);
    let date = dated.map(|d| d.y);
    Years {
        title,
        title_range,
        date,
        month: dated.and_then(|d| d.m),
        best: title
            .or(date)
            .or_else(|| stated_year(body))
            .or_else(|| frequent_year(body)),
        opened: opened_year(body),
    }
}

fn span(a: i32, b: i32) -> Option<Period> {
    Some(Period { start: a, end: b })
}

/// The years of a five-year plan a heading names (`“十三五”时期` → 2016–2020):
/// the plans run in five-year steps from the third, 1966–1970.
fn five_year_plan(folded: &str) -> Option<Period> {
    let cs: Vec<char> = folded.chars().collect();
    let of = |n: i32| {
        let start = 1966 + 5 * (n - 3);
        span(start, start + 4)
    };
    // `第十四个五年规划`.
    let counted = folded.find("个五年").and_then(|p| {
        let before: Vec<char> = folded[..p].chars().collect();
        let k = before
            .iter()
            .rev()
            .take_while(|&&c| is_zh_numeral(c))
            .count();
        let n = zh_number(&before[before.len() - k..].iter().collect::<String>())?;
        (before.len() > k && before[before.len() - k - 1] == '第' && n >= 6)
            .then(|| of(n as i32))
            .flatten()
    });
    if counted.is_some() {
        return counted;
    }
    let eleventh_on = cs.windows(3).find_map(|w| {
        let ['十', d, '五'] = *w else {
            return None;
        };
        of(zh_number(&format!("十{d}"))? as i32)
    });
    // The tenth and earlier in quotes (`“十五”时期`, `“九五”`): bare, they are
    // numbers.
    eleventh_on.or_else(|| {
        cs.windows(4).find_map(|w| {
            let ['“', d, '五', '”'] = *w else {
                return None;
            };
            of(zh_number(&d.to_string())? as i32).filter(|_| "六七八九十".contains(d))
        })
    })
}

/// Whether a story of the session says the report looked back on the term, in
/// the clause that tells it was given (`区长某某向大会作政府工作报告,回顾过去五年
/// 发展成就`): a yearly report's own `回顾过去五年的发展历程` is no such clause.
fn told_term(body: &str) -> bool {
    body.match_indices("工作报告").any(|(p, w)| {
        let after: String = body[p + w.len()..]
            .chars()
            .take_while(|&c| !matches!(c, '。' | '\n'))
            .take(12)
            .collect();
        after.trim_start_matches([',', ' ']).starts_with("回顾") && after.contains("过去五年")
    })
}

/// Reviewed and planned years of a government work report: what a term's first
/// report or a yearly one covers (see [`five_year_periods`], [`yearly_periods`]),
/// unless a heading names a five-year plan (`一、“十三五”时期工作回顾`,
/// `二、“十四五”时期主要目标`), whose span it then covers.
fn work_report_periods(
    sections: &[Section],
    lead: &str,
    body: &str,
    m: &Meta,
    ys: &Years,
) -> (Option<Period>, Option<Period>) {
    let l1: Vec<String> = sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| fold(&s.title))
        .collect();
    let founded = l1.iter().any(|t| t.contains("成立以来"));
    // A heading that looks back on the term, numbered or not (`过去五年和2016年
    // 工作回顾` on a line of its own).
    let term_heading = |t: &str| {
        t.chars().count() <= 30
            && !has_sentence_punct(t)
            && !t.contains(',')
            && t.contains("回顾")
            && contains_any(t, &["过去五年", "五年工作", "本届政府"])
    };
    let ahead_five = body.contains("今后五年") || body.contains("未来五年");
    // A part that looks back to the last term's first session (`区六届人大一次
    // 会议以来的工作`), in a report that plans five years: the term's review (a
    // yearly report's `一次会议以来` is the year since the session before).
    let since_term = |t: &String| t.contains("一次会议以来");
    let term = founded
        || (l1.iter()).any(|t| contains_any(t, &["过去五年", "五年工作回顾", "本届政府"]))
        || ahead_five && l1.iter().any(since_term)
        || lead.contains("过去五年")
        || body.lines().any(term_heading)
        || told_term(body);
    // An undated term's report that plans the next five years gives them the
    // targets it sets (`到2025年实现…`), not the years it merely mentions: in
    // its parts ahead when it has them (the review tells of targets met, `到
    // 2020年` in a 2021 report).
    let targets_year = || {
        let ahead = (l1.iter().find(|t| !looks_back(t) && !since_term(t)))
            .and_then(|t| body.find(t.as_str()));
        let end = match ahead {
            Some(p) => plan_end(&body[p..], 1),
            None => plan_end(body, 2),
        };
        end.map(|y| y - 4)
    };
    let year = (m.delivered.map(|d| d.y).or(ys.title))
        .or_else(|| (term && ahead_five).then(targets_year)?)
        .or(ys.best);
    let (reviewed, planned) = if term {
        // Since the founding, when the report says when that was; in a term's
        // review, a founding within the term (`2018年10月,光明区第一届人民政府
        // 正式成立。四年多来`).
        let since = (year.zip(founding_year(body)))
            .map(|(d, y)| d - y)
            .filter(|n| (1..=if founded { 15 } else { 5 }).contains(n));
        five_year_periods(
            year,
            ahead_five,
            since.unwrap_or_else(|| term_years(body, founded)),
        )
    } else {
        yearly_periods(&l1, ys)
    };
    // Undated news of the session: the years it says the report covered
    // (`回顾了2018年的工作情况,对2019年的工作进行了安排`).
    let (reviewed, planned) = match (reviewed, planned) {
        (None, None) => (told_years(body, "回顾"), told_years(body, "安排")),
        known => known,
    };
    let (looking_back, ahead): (Vec<&String>, Vec<&String>) =
        l1.iter().partition(|t| looks_back(t));
    // A heading may name the plan behind and the plan ahead (`“十四五”时期发展
    // 成就和“十五五”时期主要目标任务`): each of its parts by itself, the one
    // behind where it tells what was done.
    let parts: Vec<&str> = (l1.iter())
        .flat_map(|t| t.split(['和', '及', '与', '、']))
        .collect();
    let behind = year.and_then(|y| {
        (parts.iter())
            .filter(|t| looks_back(t))
            .find_map(|t| five_year_plan(t).filter(|p| p.end < y))
    });
    let after =
        year.and_then(|y| (parts.iter()).find_map(|t| five_year_plan(t).filter(|p| p.start >= y)));
    let ahead_named =
        (ahead.iter()).find_map(|t| five_year_plan(t).filter(|p| year.is_none_or(|y| p.end >= y)));
    (
        // (Never a plan not yet over: `2029年工作总结和“十五五”中期成效`.)
        (looking_back.iter())
            .find_map(|t| five_year_plan(t).filter(|p| year.is_none_or(|y| p.end < y)))
            .or(behind)
            .or_else(|| year.and_then(|y| plan_looked_back(body, y)))
            .or(reviewed),
        after.or(ahead_named).or(planned),
    )
}

/// The five-year plan a paragraph of the review opens on as the years behind
/// (`“十四五”时期是吉林…蓄势聚能的五年。这五年,…`): its span, when it ended
/// before `year` (the plan ahead opens its paragraph alike: `“十五五”时期是…的
/// 关键五年`).
fn plan_looked_back(body: &str, year: i32) -> Option<Period> {
    body.lines().find_map(|l| {
        let first = l.split('。').next()?;
        // (The cheap test first: most paragraphs open on no plan.)
        if !first.ends_with("五年") || first.chars().count() > 60 {
            return None;
        }
        let opens = first.chars().take(8).collect::<String>();
        let named = opens.contains("五”时期") || opens.contains("五时期");
        named
            .then(|| five_year_plan(&opens))
            .flatten()
            .filter(|p| p.end < year)
    })
}

/// A report that looks back on `n` years (a new term's first) reviews the
/// years before the year `d` it is delivered in and plans that year, or the
/// next five when it says so (`ahead`).
fn five_year_periods(d: Option<i32>, ahead: bool, n: i32) -> (Option<Period>, Option<Period>) {
    let Some(d) = d else {
        return (None, None);
    };
    (
        span(d - n, d - 1),
        if ahead { span(d, d + 4) } else { span(d, d) },
    )
}

/// The year the five-year plan ahead ends in, as the targets set for it say
/// (`到2025年实现金融业增加值2600亿元`): plans end in years divisible by five,
/// and the targets of the nearest are set most often (`到2035年` is a
/// long-range vision's). At least `least` must name it.
fn plan_end(body: &str, least: usize) -> Option<i32> {
    let ends: Vec<i32> = (body.match_indices(['到', '至']))
        .filter_map(|(p, w)| {
            let after = &body[p + w.len()..];
            let y = after.get(..4)?.parse::<i32>().ok()?;
            (after[4..].starts_with('年') && (2000..=2100).contains(&y)).then_some(y)
        })
        .filter(|y| y % 5 == 0)
        .collect();
    let count = |y: &i32| ends.iter().filter(|&e| e == y).count();
    (ends.iter())
        .filter(|y| count(y) >= least)
        .max_by_key(|y| (count(y), std::cmp::Reverse(**y)))
        .copied()
}

/// The year a new district was founded, as a sentence of its report says
/// (`2009年6月30日,坪山新区正式成立`, `2018年10月,光明区第一届人民政府正式成立`):
/// the last year before `成立` in it.
fn founding_year(body: &str) -> Option<i32> {
    body.match_indices("成立").take(8).find_map(|(p, _)| {
        let start = (body[..p].char_indices().rev())
            .find(|&(_, c)| matches!(c, '。' | '\n' | ';' | '!'))
            .map_or(0, |(s, c)| s + c.len_utf8());
        let before = &body[start..p];
        // The district is what was founded, named right before (`某某新区正式
        // 成立`), not a whole district's doing (`全区成立了30个中心`).
        // Or its first government or committee (`光明区第一届人民政府正式成立`).
        let mut named = before.trim_end_matches(['正', '式', '挂', '牌', '宣', '告']);
        if let Some(x) = ["人民政府", "管理委员会", "管委会"]
            .iter()
            .find_map(|k| named.strip_suffix(k))
        {
            named = x.strip_suffix("第一届").unwrap_or(x);
        }
        let subject = named
            .strip_suffix('区')
            .and_then(|s| s.chars().last())
            .is_some_and(|c| is_ideograph(c) && !"全本我该各".contains(c));
        (subject && !before.contains("以来"))
            .then(|| years(before).last().copied())
            .flatten()
    })
}

/// How many years a term's review covers: five, unless the report says
/// `过去四年` (a district founded mid-term, a term cut short), or, reviewing
/// since a new district's founding (`founded`), `四年多来` (elsewhere that is as
/// likely some other stretch: `抗击疫情三年多来`).
fn term_years(body: &str, founded: bool) -> i32 {
    let said = |pattern: fn(&str) -> String| {
        (["二", "三", "四", "五"].iter().zip(2..))
            .filter_map(|(n, y)| body.find(&pattern(n)).map(|p| (p, y)))
            .min()
            .map(|(_, y)| y)
    };
    said(|n| format!("过去{n}年"))
        .or_else(|| founded.then(|| said(|n| format!("{n}年多来"))).flatten())
        .unwrap_or(5)
}

/// Whether a heading looks back on what was done (`2025年工作回顾`,
/// `2025年工作总结和“十四五”发展成就`, `第一部分 2022年工作情况`).
fn looks_back(heading: &str) -> bool {
    // Not a heading that aims at results ahead (`推动…取得新成效`, `主要目标和
    // 预期成效`, `更大成就`).
    let done = ["成就", "成绩", "成效"].iter().any(|w| {
        (heading.match_indices(w)).any(|(p, _)| !heading[..p].ends_with(['新', '期', '大', '好']))
    });
    done || contains_any(
        heading,
        &["回顾", "总结", "工作情况", "完成情况", "执行情况"],
    )
}

/// A yearly report reviews one year and plans the next, as its headings
/// (`一、2013年工作回顾`, `二、2014年工作安排`), else its title, else its date say.
fn yearly_periods(l1: &[String], ys: &Years) -> (Option<Period>, Option<Period>) {
    let reviewed_h = l1
        .iter()
        .find(|t| looks_back(t))
        .and_then(|t| years(t).first().copied());
    let planned_h = l1
        .iter()
        .find(|t| {
            !looks_back(t)
                && ["目标", "任务", "安排", "工作"]
                    .iter()
                    .any(|w| t.contains(w))
        })
        .and_then(|t| years(t).first().copied());
    let planned = match (reviewed_h, planned_h) {
        (None, None) => {
            // A report delivered late in the year is about the next one.
            let late = ys.month.is_some_and(|mo| mo >= 11);
            ys.title
                .or(ys.date.map(|y| if late { y + 1 } else { y }))
                .or(ys.opened.map(|y| y + 1))
        }
        (r, p) => p.or(r.map(|r| r + 1)),
    };
    let reviewed = reviewed_h.or(planned.map(|p| p - 1));
    (
        reviewed.and_then(|r| span(r, r)),
        planned.and_then(|p| span(p, p)),
    )
}

/// A plenum early in the year reviews the last and plans this one; one late in
/// the year reviews this one and plans the next; one mid-year is about its year.
fn plenum_periods(ys: &Years) -> (Option<Period>, Option<Period>) {
    let Some(y) = ys.best else {
        return (None, None);
    };
    match ys.month {
        Some(mo) if mo <= 3 => (span(y - 1, y - 1), span(y, y)),
        Some(mo) if mo >= 11 => (span(y, y), span(y + 1, y + 1)),
        _ => (span(y, y), span(y, y)),
    }
}

/// A plan or budget report's years: the one whose execution it reports (the
/// year named before `执行`) and the one its draft is for (named after it:
/// `2022年…计划执行情况与2023年计划`). A title naming one gives the other as the
/// year before or after; one naming neither, its delivery's year (the spring
/// session reports last year's execution and this year's draft). A final
/// account (`决算`) and a mid-year report (`上半年`) look back only.
fn execution_periods(title: &str, ys: &Years) -> (Option<Period>, Option<Period>) {
    let (before, after) = match title.find("执行") {
        Some(p) => (
            years(&title[..p]).last().copied(),
            years(&title[p..]).first().copied(),
        ),
        None => (None, years(title).first().copied()),
    };
    // A final account (the year just before `决算`) or a mid-year report: no draft.
    if let Some(p) = title.find("决算") {
        let y = (years(&title[..p]).last().copied())
            .or(after)
            .or(ys.best.map(|y| y - 1));
        return (y.and_then(|y| span(y, y)), None);
    }
    if title.contains("半年") {
        let y = before.or(after).or(ys.best);
        return (y.and_then(|y| span(y, y)), None);
    }
    let (reviewed, planned) = match (before, after) {
        (Some(r), Some(p)) => (r, p),
        (Some(r), None) => (r, r + 1),
        (None, Some(p)) => (p - 1, p),
        (None, None) => match ys.best {
            Some(y) => (y - 1, y),
            None => return (None, None),
        },
    };
    (span(reviewed, reviewed), span(planned, planned))
}

/// What a speech's opening announces, when the copy lost its title.
struct Opening {
    kind: DocKind,
    /// The name it gives the speech: 政府工作报告, or for a report on a plan or
    /// a budget the object of `我向大会作关于X的报告` or `现将X提请大会审议`, as
    /// `关于X的报告`.
    title: Option<String>,
    /// The years a work report's opening names: `向大会报告2017年政府工作,对
    /// 2018年工作提出建议` reviews 2017 and plans 2018.
    years: Option<(i32, i32)>,
    /// Whether the opening starts its line (`现在,我代表…`): the speech itself,
    /// not a news report quoting it.
    at_start: bool,
}

/// The kind a speech's opening announces: `我代表…人民政府向大会作工作报告`
/// (or a new district's committee, `…管理委员会,向大会报告管委会工作`);
/// `(受市政府委托,)我向大会作关于…计划执行情况与…计划(草案)的报告`;
/// `现将…预算执行情况和…预算草案提请大会审议`. `lead` is the first prose line,
/// `folded` its [`fold`].
fn opening_of(lead: &str, folded: &str) -> Option<Opening> {
    if let Some(p) = find_blurred(folded, "我代表") {
        let s: String = folded[p..].chars().take(40).collect();
        // A government, or a new district's committee (`我代表大鹏新区管理委员会,
        // 向大会报告管委会工作`).
        let title = work_report_title(&s);
        let to_congress = title.is_some() && s.contains("向大会");
        // `向大会作工作报告`, `向大会报告(2017年)(政府)工作`; a government's
        // bare `向大会作报告` is its work report too (a plan or budget is
        // `作关于…的报告`, below).
        let reports = s.contains("工作报告")
            || s.contains("向大会作报告")
            || s.split_once("向大会报告").is_some_and(|(_, r)| {
                let r: String = r.chars().take(10).collect();
                r.contains("工作") && !r.contains("报告")
            });
        if to_congress && reports {
            // `向大会报告2017年政府工作,对2018年工作提出建议`.
            let wide: String = folded[p..].chars().take(60).collect();
            let year_after = |key: &str| {
                let (_, r) = wide.split_once(key)?;
                years(&r.chars().take(6).collect::<String>())
                    .first()
                    .copied()
            };
            let (reviewed, planned) = (year_after("向大会报告"), year_after("对"));
            return Some(Opening {
                kind: DocKind::WorkReport,
                title: title.map(str::to_string),
                years: reviewed.map(|r| (r, planned.filter(|&p| p > r).unwrap_or(r + 1))),
                // (Or after another word of the moment: `2020年,我代表…`.)
                at_start: {
                    let before = folded[..p].trim();
                    let when = before.strip_suffix(',').unwrap_or(before);
                    let year = when
                        .strip_suffix('年')
                        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
                    before.is_empty()
                        || before.ends_with(',')
                            && (year || ["现在", "今天", "当前"].contains(&when))
                },
            });
        }
    }
    // The object, in the opening's first sentence: between `关于` and `的报告`
    // after `向大会作`, or between `现将` and `提请`.
    let head: String = folded
        .chars()
        .take_while(|&c| c != '。')
        .take(120)
        .collect();
    let (a, b) = match head.find("向大会作关于") {
        Some(p) => {
            let a = p + "向大会作关于".len();
            (a, a + head[a..].find("的报告")?)
        }
        None => {
            let a = head.find("现将")? + "现将".len();
            (a, a + head[a..].find("提请")?)
        }
    };
    let object = &head[a..b];
    let kind = kind_of(&format!("{object}的报告"));
    if !matches!(kind, DocKind::PlanReport | DocKind::BudgetReport) {
        return None;
    }
    // In the document's own script where folding kept the characters in place.
    let (from, to) = (head[..a].chars().count(), head[..b].chars().count());
    let own: String = match lead.chars().count() == folded.chars().count() {
        true => lead.chars().skip(from).take(to - from).collect(),
        false => object.to_string(),
    };
    // Framed in the same script.
    let (about, report) = match to_simplified(&own) == own {
        true => ("关于", "的报告"),
        false => ("關於", "的報告"),
    };
    Some(Opening {
        kind,
        title: Some(format!("{about}{own}{report}")),
        years: None,
        at_start: false,
    })
}

/// The title of a speech printed without one (its dateline and opening kept):
/// a government work report is always called 政府工作报告 (a new district's
/// committee's, 管委会工作报告); a report on a plan or a budget by what its
/// opening names.
fn untitled_speech_title(head: &Head, opening: Option<&Opening>) -> Option<String> {
    let speech = !head.meeting_text.is_empty();
    let o = opening?;
    (speech || o.at_start || o.kind != DocKind::WorkReport)
        .then(|| o.title.clone())
        .flatten()
}

/// Finds the metadata in the report's lines (after furniture removal), given
/// their [`Head`]. `folded[i]` is the [`fold`] of `lines[i]`.
pub fn infer(
    lines: &[&str],
    folded: &[String],
    header: &PageHeader,
    head: &Head,
    sections: &[Section],
) -> Meta {
    let first_prose = head.first_prose;
    let lead_end = (first_prose + 1).min(lines.len());
    let lead_folded: String = folded[..lead_end].join("\n");
    let addressed = folded[..lead_end].iter().any(|f| {
        let t = f.trim();
        t.ends_with(':') && t.contains("同志们") && t.chars().count() <= 12
    });
    let body_folded: String = folded.join("\n");
    let opening = (lines.get(first_prose).zip(folded.get(first_prose)))
        .and_then(|(l, f)| opening_of(l, f).or_else(|| saluted_speech(f)));
    // The report's own title, else the name a copying page gave it, else, for a
    // speech whose copy lost its title, the name its opening gives it.
    let title = head
        .title
        .clone()
        .or_else(|| header.title.clone())
        .or_else(|| untitled_speech_title(head, opening.as_ref()));
    let news = title.is_none();
    // A copy without a title whose text starts at a numbered heading
    // (`一、2021年主要工作情况`) has no headline either: its title is not
    // stated, and what its first paragraphs mention does not tell its kind.
    let body_first =
        news && (folded.get(first_prose)).is_some_and(|f| label(f.trim_start()).is_some());
    let mut m = Meta {
        title: title.unwrap_or_else(|| match body_first {
            true => String::new(),
            false => (lines.get(first_prose))
                .map(|l| news_headline(l))
                .unwrap_or_default(),
        }),
        published: header.published,
        speaker: head.speaker.clone(),
        ..Meta::default()
    };
    let title_folded = fold(&m.title);

    // Meeting and delivery: the head's meeting line, else a meeting the lead reports.
    // (A headline long enough to read as prose stands above the lead.)
    let lead2 = folded[..(lead_end + 1).min(folded.len())].join("\n");
    m.meeting = find_meeting(&head.meeting_text).or_else(|| held_meeting(&lead2));
    if let Some(p) = head.meeting_text.find("在") {
        m.delivered = first_date(&head.meeting_text[..p]).map(|(_, d)| d);
    }
    // A speech's dateline is its delivery, in its meeting line or beside it
    // (`——在…会议上` over `(2020年1月9日)`); another document's is its issue date.
    if head.meeting_text.is_empty() {
        m.published = m.published.or(head.date);
    } else {
        m.delivered = m.delivered.or(head.date);
    }

    let headless = news && opening.is_none() && starts_reviewing_a_year(&folded[..first_prose]);
    // A congress's resolution on a report (`关于政府工作报告的决议`) is not
    // the report.
    let resolution = title_folded.contains("报告的决议");
    m.kind = match kind_of(&title_folded) {
        _ if resolution => DocKind::Other,
        // A speech that lost its title is what its opening says, whatever else
        // its first paragraph mentions (`…二十届三中全会精神`).
        DocKind::Other if news && opening.is_some() => {
            opening.as_ref().map_or(DocKind::Other, |o| o.kind)
        }
        DocKind::Other if headless => DocKind::WorkReport,
        // A speech to comrades (`同志们:`) is no news: its first paragraph
        // tells what the meeting heard, not what the page is (`…下一步工作安排`).
        DocKind::Other if news && !addressed && !body_first => match kind_of(&lead_folded) {
            // A lead that tells only that a session was held: what the next
            // paragraphs say was given there (`会上,区长…作了政府工作报告`).
            DocKind::Other => {
                kind_of(&folded[lead_end..(lead_end + 2).min(folded.len())].join("\n"))
            }
            k => k,
        },
        // A news headline that names no document (`9个关键词回顾盐田2018`):
        // what its lead says was given.
        // (Given there, not merely named: `为落实区政府工作报告…`.)
        DocKind::Other if !contains_any(&title_folded, &TITLE_WORDS) => match kind_of(&lead2) {
            DocKind::WorkReport if contains_any(&lead2, &GAVE_REPORT) => DocKind::WorkReport,
            DocKind::PlenumReport if contains_any(&lead2, &HELD) => DocKind::PlenumReport,
            _ => DocKind::Other,
        },
        k => k,
    };
    if m.kind == DocKind::Other && !resolution {
        m.kind = opening.as_ref().map_or(DocKind::Other, |o| o.kind);
    }
    // A copy that starts at its first part (`一、2013年工作回顾`): what a year's
    // review followed by its plans is, a government's work report, named as a
    // speech that lost its title is, not by its first sentence.
    if headless {
        m.title = "政府工作报告".to_string();
    }

    // Whom the speaker speaks for comes before where: a new district's committee
    // reports to the congress of the district it was carved from.
    // A lead standing for a headline names the city in passing (`…是深圳市建市
    // 40周年`): only a district of it counts there.
    m.district = (named_district(&title_folded).filter(|d| !news || d != CITY))
        .or_else(|| title_place(&m.title))
        .or_else(|| speaks_for(&lead_folded, 16))
        .or_else(|| named_district(&head.meeting_text))
        .or_else(|| meeting_place(&head.meeting_text))
        .or_else(|| named_district(&lead_folded).filter(|d| news && d != CITY))
        .or_else(|| meeting_place(&lead_folded))
        // The site the page stands on (`深圳市大鹏新区管理委员会公开目录`), or
        // the source it names (`信息来源:坪山新区`).
        .or_else(|| {
            [&header.site, &header.source]
                .into_iter()
                .find_map(|s| named_district(&fold(s.as_deref()?)).filter(|d| d != CITY))
        })
        .or_else(|| body_district(&body_folded))
        // A headline that reads as prose stood for the lead: the paragraph
        // under it names the meeting.
        .or_else(|| meeting_place(&lead2));
    // A place outside Shenzhen in full where the meeting names it so (`越秀区`
    // in the title, `广州市越秀区第十六届人民代表大会` in the dateline); Shenzhen's
    // keep their one name.
    let elsewhere = |d: &String| d != CITY && !DISTRICTS.contains(&d.as_str());
    if let Some(full) = (m.district.as_ref().filter(|d| elsewhere(d))).and_then(|d| {
        meeting_place(&head.meeting_text).filter(|f| f.len() > d.len() && f.ends_with(d.as_str()))
    }) {
        m.district = Some(full);
    }

    if m.speaker.is_none() {
        m.speaker = (lines.iter().zip(folded))
            .take(first_prose + 6)
            .find_map(|(l, f)| speaker_in_prose(l, f));
    }

    // A story's wire credit dates it (`深圳新闻网2024年1月19日讯`).
    let wired = (lines.iter().skip(first_prose).take(2)).find_map(|l| wire_date(l));
    if news {
        m.published = m.published.or(wired);
    }
    let mut ys = years_of(&m, &title_folded, &body_folded);
    if m.delivered.is_none() {
        // A news lead's `8月30日,…召开` dates the meeting in the document's
        // year; `2024年1月18日上午,…召开` dates it in full. A headline long
        // enough to read as prose stands above its lead; a quotation may open
        // the story, the dated paragraph saying what was held after it.
        let held = |k: usize| {
            contains_any(&lead_folded, &HELD[..3]) || contains_any(&folded[k], &HELD[..3])
        };
        let dated = (lines.iter().enumerate().skip(first_prose).take(2)).find_map(|(k, lead)| {
            first_date(lead)
                .filter(|&(p, d)| p == 0 && d.d.is_some())
                .map(|(_, d)| d)
                .or_else(|| {
                    leading_month_day(lead)
                        .zip(ys.best)
                        .map(|((mo, d), y)| Ymd::full(y, mo, d))
                })
                .or_else(|| relative_day(lead, wired?))
                .filter(|_| held(k))
        });
        if let Some(d) = dated {
            m.delivered = Some(d);
            ys = years_of(&m, &title_folded, &body_folded);
        }
    }

    (m.reviewed, m.planned) = match m.kind {
        DocKind::WorkReport => match opening.as_ref().and_then(|o| o.years) {
            // An undated copy: the years its opening names.
            Some((r, p)) if m.delivered.is_none() => (span(r, r), span(p, p)),
            _ => work_report_periods(sections, &lead_folded, &body_folded, &m, &ys),
        },
        DocKind::WorkPlan | DocKind::ReformPlan => (
            None,
            ys.title_range.or_else(|| ys.best.and_then(|y| span(y, y))),
        ),
        DocKind::PlenumReport => plenum_periods(&ys),
        DocKind::PlanReport | DocKind::BudgetReport => {
            // The years of the name that told the kind: the title's, else the
            // opening's, else the lead line's (`一、2019年…计划执行情况`).
            let told = |t: &str| matches!(kind_of(t), DocKind::PlanReport | DocKind::BudgetReport);
            let named = match opening.and_then(|o| o.title) {
                _ if told(&title_folded) => title_folded,
                Some(t) => fold(&t),
                None => (lead_folded.lines().find(|l| told(l)))
                    .unwrap_or(&title_folded)
                    .to_string(),
            };
            execution_periods(&named, &ys)
        }
        DocKind::FiveYearPlan => {
            // The plan's own span, and the last plan's when the outline looks
            // back on it (`第一章 “十三五”时期主要成就`).
            let planned = five_year_plan(&title_folded).or_else(|| {
                opening
                    .as_ref()
                    .and_then(|o| five_year_plan(&fold(o.title.as_deref()?)))
            });
            // A heading or a paragraph opening with its name (`“十三五”时期,是…`).
            let reviewed = planned.and_then(|p| {
                let last = span(p.start - 5, p.end - 5)?;
                let opens = |f: &str| five_year_plan(&f.trim().chars().take(8).collect::<String>());
                let heading =
                    (sections.iter()).any(|s| five_year_plan(&fold(&s.title)) == Some(last));
                (heading || folded.iter().any(|f| opens(f) == Some(last))).then_some(last)
            });
            (reviewed, planned)
        }
        DocKind::Other => (None, None),
    };
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_with_one_unknown_character_is_found() {
        let u = UNKNOWN_CHAR;
        assert_eq!(find_blurred("现在,我代表区", "我代表"), Some(7));
        assert_eq!(find_blurred(&format!("现在,我代{u}区"), "我代表"), Some(7));
        assert_eq!(find_blurred(&format!("{u}代表区"), "我代表"), Some(0));
        assert_eq!(find_blurred(&format!("我{u}{u}区"), "我代表"), None);
        assert_eq!(find_blurred("各位代表,自代表", "我代表"), None);
    }

    #[test]
    fn dates_and_ranges() {
        for (text, iso) in [
            ("发布时间:2014-03-10", "2014-03-10"),
            ("——2021年11月3日在", "2021-11-03"),
            ("——二〇二一年一月八日在", "2021-01-08"),
            ("二○二○年十二月三十一日", "2020-12-31"),
            ("——2016524日在", "2016-05-24"),
            ("——20161025日在", "2016-10-25"),
        ] {
            assert_eq!(first_date(text).map(|d| d.1.iso()), Some(iso.into()));
        }
        assert_eq!(first_date("2016111日"), None, "1/11 or 11/1");
        // A day the month has not: no day (a fused one, no date at all).
        assert_eq!(
            first_date("2021年2月29日").map(|d| d.1.iso()),
            Some("2021-02".into())
        );
        assert_eq!(
            first_date("2020年2月29日").map(|d| d.1.iso()),
            Some("2020-02-29".into())
        );
        assert_eq!(first_date("2021-04-31").map(|d| d.1.iso()), None);
        assert_eq!(
            first_date("二〇二一年六月三十一日").map(|d| d.1.iso()),
            Some("2021-06".into())
        );
        assert_eq!(
            first_date("——2021231日在"),
            None,
            "2/31 is no date, 23/1 neither"
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
            find_meeting("在福田区第七届人大第五次会议上"),
            Some("第七届人大第五次会议".into())
        );
        assert_eq!(
            find_meeting("区七届人大一次会议以来"),
            Some("七届人大一次会议".into())
        );
        assert_eq!(years("报告(2012)(2013年)2014)"), vec![2012, 2013]);
        for (heading, start) in [("“十一五”", 2006), ("十三五时期", 2016), ("“十五五”", 2026)]
        {
            assert_eq!(five_year_plan(heading), span(start, start + 4));
        }
        assert_eq!(five_year_plan("十五年来"), None);
    }

    #[test]
    fn meetings_held_or_cited() {
        assert_eq!(
            held_meeting("区七届人大一次会议以来,市委六届九次全会要求。区委七届四次全会在会堂召开"),
            Some("区委七届四次全会".into())
        );
        assert_eq!(
            held_meeting("书记在区委七届四次全会上作报告"),
            Some("区委七届四次全会".into())
        );
        assert_eq!(held_meeting("市委六届十一次全会要求,召开会议"), None);
        assert_eq!(held_meeting("在市委六届九次全会上,市委强调"), None);
        assert_eq!(
            held_meeting("上午,中国共产党某某市某某区第七次代表大会在会堂开幕"),
            Some("第七次代表大会".into())
        );
        assert_eq!(find_meeting("党的第二十次全国代表大会精神"), None);
    }

    #[test]
    fn five_year_plans_named() {
        let plan = |s: &str| five_year_plan(s).map(|p| (p.start, p.end));
        assert_eq!(plan("一、2020年及“十三五”时期工作回顾"), Some((2016, 2020)));
        assert_eq!(plan("2005年及“十五”时期工作回顾"), Some((2001, 2005)));
        assert_eq!(plan("“九五”期间"), Some((1996, 2000)));
        assert_eq!(plan("建成十五个项目"), None);
        assert_eq!(plan("“五五”普法"), None);
        assert_eq!(
            plan("国民经济和社会发展第十四个五年规划和2035年远景目标纲要"),
            Some((2021, 2025))
        );
        assert_eq!(plan("第一个五年"), None);
    }

    #[test]
    fn page_numbers_leave_titles() {
        assert_eq!(bare_title("1政府工作报告"), "政府工作报告");
        assert_eq!(bare_title("12區政府工作報告"), "區政府工作報告");
        assert_eq!(bare_title("2019年政府工作报告"), "2019年政府工作报告");
        assert_eq!(bare_title("10件民生实事全部完成"), "10件民生实事全部完成");
        assert_eq!(bare_title("3号文件"), "3号文件");
        assert_eq!(
            bare_title("(广东省)2020年惠州市人民政府工作报告(全文)"),
            "2020年惠州市人民政府工作报告"
        );
        assert_eq!(
            bare_title("2023年深圳市光明區政府工作報告—全文"),
            "2023年深圳市光明區政府工作報告"
        );
        assert_eq!(
            bare_title("盐田区政府工作报告(精选文档)"),
            "盐田区政府工作报告"
        );
        assert_eq!(bare_title("(一)政府工作报告"), "(一)政府工作报告");
        assert_eq!(bare_title("政府工作报告(摘要)"), "政府工作报告(摘要)");
        assert_eq!(
            bare_title("权威发布|关于某市2020年预算执行情况的报告"),
            "关于某市2020年预算执行情况的报告"
        );
        assert_eq!(bare_title("首页|新闻"), "首页|新闻");
    }

    #[test]
    fn head_lines_that_are_not_titles() {
        assert_eq!(close_up("政 府 工 作 报 告"), "政府工作报告");
        assert_eq!(close_up(" 报告 全文 "), "报告 全文");
        assert!(is_issue("政府公报 2021年第5期(总第118期)") && !is_issue("第五届人大"));
        assert!(is_container_line("1.政府工作报告"));
        assert!(is_container_line("政府工作报告…………1") && is_container_line("报告.....12"));
        assert!(!is_container_line("报告2") && !is_container_line("工作要点2019-2020"));
        assert_eq!(
            speaker_line("罗湖区委书记 贺海涛").and_then(|s| s.role),
            Some("区委书记".into())
        );
        assert_eq!(speaker_line("常务副区长 王某"), None);
        for line in ["区长王强", "南山区区长 王 强", "区长  王强", "□ 区长 王强"]
        {
            assert_eq!(
                speaker_line(line),
                Some(Speaker {
                    name: "王强".into(),
                    role: Some("区长".into())
                }),
                "{line}"
            );
        }
        assert_eq!(speaker_line("区长讲话"), None);
        // The government the speaker heads, no role.
        for line in ["光明区人民政府  蔡颖", "深圳市龍華區人民政府 王強"] {
            let s = speaker_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(s.role, None, "{line}");
            assert!(matches!(s.name.as_str(), "蔡颖" | "王強"), "{line}");
        }
        for line in [
            "区人民政府 办公室",
            "人民政府 王强",
            "某某公司人民政府 王强",
        ] {
            assert_eq!(speaker_line(line), None, "{line}");
        }
    }

    #[test]
    fn a_role_run_into_a_name_with_a_less_common_surname() {
        let s = speaker_line("成华区人民政府区长蒲发友").unwrap();
        assert_eq!(
            (s.name.as_str(), s.role.as_deref()),
            ("蒲发友", Some("区长"))
        );
        // Alone, a word that starts with one is no name.
        assert_eq!(speaker_line("成就"), None);
        assert_eq!(speaker_line("区长办公会"), None);
    }

    #[test]
    fn places_are_names_not_clauses() {
        for place in [
            "越秀区",
            "呼伦贝尔市",
            "广州市黄埔区",
            "济南市市中区",
            "鄂温克族自治旗",
            "西双版纳傣族自治州",
            "廣州市天河區",
            "那曲市",
            "科尔沁右翼前旗",
            "达尔罕茂明安联合旗",
            "贵州省遵义市播州区",
            "湖北省荆州市沙市区",
            "新疆维吾尔自治区伊犁哈萨克自治州伊宁市",
        ] {
            assert!(is_named_place(place).is_some(), "{place}");
        }
        for clause in [
            "了各代表团酝酿区",
            "听取了各代表团酝酿区",
            "会议审议通过全区",
        ] {
            assert_eq!(is_named_place(clause), None, "{clause}");
        }
        assert_eq!(
            meeting_place("聽取了各代表團醞釀區第二十屆人大常委會委員候選人名單草案的情況匯報"),
            None
        );
    }

    #[test]
    fn speakers_and_places_above_a_district() {
        let role = |line: &str| speaker_line(line).map(|s| (s.name, s.role.unwrap_or_default()));
        let cases = [
            ("广东省省长 孟凡利", "孟凡利", "省长"),
            ("河北省人民政府省长 王正谱", "王正谱", "省长"),
            ("自治区主席 嘎玛泽登", "嘎玛泽登", "主席"),
            ("代理县长 李某某", "李某某", "代理县长"),
            ("某某縣縣長 張三", "張三", "县长"),
        ];
        for (line, name, r) in cases {
            assert_eq!(role(line), Some((name.into(), r.into())), "{line}");
        }
        assert_eq!(
            title_place("2026年河北省政府工作报告").as_deref(),
            Some("河北省")
        );
        assert_eq!(
            meeting_place("在西藏自治区第十二届人民代表大会第四次会议上").as_deref(),
            Some("西藏自治区")
        );
        assert_eq!(
            meeting_place("在黔东南州第十五届人民代表大会").as_deref(),
            Some("黔东南州")
        );
        assert!(has_address("广东省,2026,报告,https://www.gd.gov.cn/x.html"));
    }

    #[test]
    fn a_plan_behind_opening_a_paragraph_of_the_review() {
        let body = "一、工作回顾\n2025年是收官之年。\n“十四五”时期是吉林攻坚克难、蓄势聚能的五年。这五年,发展质效持续提升。\n“十五五”时期是夯实基础、全面发力的关键五年。";
        assert_eq!(
            plan_looked_back(body, 2026),
            Some(Period {
                start: 2021,
                end: 2025
            })
        );
        // The plan ahead, or one not yet over, is no review.
        assert_eq!(plan_looked_back(body, 2025), None);
        assert_eq!(plan_looked_back("十四五时期,我们推进改革。", 2026), None);
    }
}
