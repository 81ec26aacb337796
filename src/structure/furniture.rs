//! Page furniture: the lines a web page adds around a report (site name, share
//! prompts, breadcrumbs, print/close buttons, editor credits, photo captions) and
//! the page-header lines whose content is metadata (publication date, source, and
//! the infobox rows of an encyclopedia page that copied the report).
//!
//! Conservative by design: a line is furniture only when it matches a furniture
//! pattern *and* is short, or sits outside the body (the span between the first
//! and the last line of real prose). Everything else stays report text.

use super::fold::{
    contains_any, fold, has_sentence_punct, ideographs_only, is_ideograph, CharSet, BULLETS,
};
// From facts, which the wasm app builds too (structure is native only).
use super::meta::{board_tagged, first_date, is_meeting_line, is_speaker_line, Ymd, TITLE_WORDS};
use super::sections::{self, label};
use super::wrap;
use crate::facts::number::starts_with;
use std::borrow::Cow;
use std::collections::HashMap;

/// What the page header (or an infobox) said, outside the report's own text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageHeader {
    /// Publication date of the page (`发布时间`, `信息提供日期` …).
    pub published: Option<Ymd>,
    /// The office the page names as its source (`来源:区委区政府办`).
    pub source: Option<String>,
    /// The name an encyclopedia page's infobox gives the report
    /// (`中文名 | 福田區政府工作報告(2020)`), as written.
    pub title: Option<String>,
    /// The site-name lines above the title (`深圳市罗湖区人民政府`), folded.
    pub site: Option<String>,
    /// Whether `published` is only the date the document was written
    /// (`成文日期`) or a bare stamp (a forum poster's last mood, `2023-3-1
    /// 17:41`), which a publication date on a later line (`发布日期:…`,
    /// `发表于 2020-3-6 17:24:14`) replaces.
    unkeyed: bool,
}

/// Why a line was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drop {
    Keep,
    /// Page chrome: share prompts, buttons, breadcrumbs, credits, captions.
    Furniture,
    /// A page-header line turned into metadata.
    Header,
}

/// Keywords of page-header lines (folded forms).
const HEADER_KEYS: [&str; 14] = [
    "发布时间",
    "发布日期",
    "发布于",
    "发表时间",
    "发表日期",
    "信息提供日期",
    "信息索引号",
    "发文日期",
    "成文日期",
    "浏览次数",
    "更新时间",
    "访问量",
    "点击数",
    "阅读次数",
];

/// Share prompts, widgets and buttons: furniture wherever they stand, if short.
const CHROME_KEYS: [&str; 57] = [
    "扫一扫",
    "相关报道",
    "相关阅读",
    "延伸阅读",
    "推荐阅读",
    "在手机上打开",
    "知识图谱",
    "相关信息和服务",
    "相关链接",
    "相关文章",
    "相关新闻",
    "分享到",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "上一篇",
    "下一篇",
    "当前位置",
    "当前展示",
    "视力保护色",
    "网站地图",
    "点击标签",
    "查看更多",
    "字号",
    "【大",
    "[大]",
    "大 中 小",
    "用手机扫描",
    "轻触这里",
    "关闭目录",
    "文件已失效",
    "网站客服",
    "热门搜索",
    "手机版",
    "无障碍版",
    "无障碍浏览",
    "点击查阅更多",
    "页面载入中",
    "页面加载中",
    "正在加载",
    "查看原文",
    "阅读原文",
    "相关文档",
    "进入专题",
    "长者助手",
    "我的收藏",
    "正文复制",
    // A forum's thread page and a WeChat article's (folded).
    "显示全部楼层",
    "复制链接",
    "只看该作者",
    "每日心情",
    "签到天数",
    "设为首页",
    "收藏本站",
    "|回复:",
    "收录于专题",
    "收录于合集",
];

/// Chrome only outside the report's body, where a short line of the report
/// could say the same (`…民生实事项目详细内容`, `…所在位置的辐射能力`).
const OUTSIDE_CHROME_KEYS: [&str; 6] = [
    "所在位置",
    "政府首页",
    "目录信息",
    "欢迎访问",
    "详细内容",
    "温馨提示",
];

/// Buttons that stand alone on a line (a page's tool bar: `下载 打印 全屏 收藏`,
/// its text size `加大 还原 减小`).
const BUTTON_WORDS: [&str; 21] = [
    "打印",
    "关闭",
    "返回",
    "分享",
    "收藏",
    "字体",
    "大",
    "中",
    "小",
    "纠错",
    "下载",
    "全屏",
    "加大",
    "减小",
    "还原",
    "放大",
    "缩小",
    "默认",
    "听全文",
    "朗读",
    "语音播报",
];

/// A site's navigation items (its menu, a channel's name above the page):
/// furniture when a line outside the report's body holds nothing else.
const NAV_WORDS: [&str; 25] = [
    "首页",
    "新闻",
    "要闻",
    "新闻中心",
    "新闻动态",
    "政务",
    "政务公开",
    "信息公开",
    "政府信息公开",
    "互动",
    "政民互动",
    "办事",
    "服务",
    "办事服务",
    "专题",
    "专题专栏",
    "通知公告",
    "图片",
    "视频",
    "无障碍",
    "登录",
    "搜索",
    "规章库",
    "政策文件",
    "政策解读",
];

/// Prefixes of editor and source credits.
const CREDIT_PREFIXES: [&str; 12] = [
    "责任编辑",
    "见习编辑",
    "实习编辑",
    "编辑",
    "编审",
    "审核",
    "校对",
    "来源",
    "作者",
    "记者",
    "摄影",
    "通讯员",
];

/// Endings of a site's name line (`深圳市罗湖区人民政府`).
const SITE_NAME_ENDINGS: [&str; 9] = [
    "人民政府",
    "信息公开",
    "协会",
    "公开目录",
    "政府网",
    "门户网站",
    "政府在线",
    "政务网",
    "网站",
];

/// A list item's number with nothing after it (`1.`, `2、`).
fn empty_item(f: &str) -> bool {
    let t = f.trim();
    let digits = t.trim_end_matches(['.', '、']);
    digits.len() < t.len()
        && (1..=3).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
}

fn is_glyph_only(line: &str) -> bool {
    !line.chars().any(|c| is_ideograph(c) || c.is_alphanumeric()) && line.chars().count() <= 6
}

/// Whether a line is nothing but some of `items`, set apart by spaces, bars
/// or brackets.
fn only_items(folded: &str, items: &[&str]) -> bool {
    let words: Vec<&str> = folded
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '【' | '】' | '[' | ']' | '|' | '/' | '·' | ':')
        })
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty() && words.iter().all(|w| items.contains(w))
}

/// A printed page's number on a line of its own, in a form only a page number
/// takes: `- 2 -`, `—3—`, `第 4 页`, `第4页 共30页`, `5/30`, `Page 6 of 30`.
fn is_page_number(folded: &str) -> bool {
    let s: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    let dashes = |c: char| "-—–―－_".contains(c);
    // A page, never a year (`— 2020 —`, `2019/2020`).
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    // `- 2 -`: a number between dashes; `-- 2 of 21 --` as `pdf-parse` marks
    // where a page ends.
    let inner = s.trim_start_matches(dashes);
    if inner.len() < s.len() {
        let n = inner.trim_end_matches(dashes);
        let of = n
            .split_once("of")
            .is_some_and(|(a, b)| digits(a) && digits(b));
        if n.len() < inner.len() && (digits(n) || of) {
            return true;
        }
    }
    // `第4页`, with `共30页` or `/30` after it, or before it.
    let page_of = |s: &str| {
        s.strip_prefix('第')
            .and_then(|r| r.strip_suffix(['页', '頁']))
            .is_some_and(digits)
    };
    let of_pages = |s: &str| {
        s.strip_prefix('共')
            .and_then(|r| r.strip_suffix(['页', '頁']))
            .is_some_and(digits)
    };
    if let Some(at) = s.find('共').filter(|&at| at > 0) {
        let (a, b) = s.split_at(at);
        let a = a.trim_end_matches([',', '/']);
        if page_of(a) && of_pages(b) {
            return true;
        }
    }
    if let Some(at) = s.find('第').filter(|&at| at > 0) {
        let (a, b) = s.split_at(at);
        if of_pages(a.trim_end_matches(',')) && page_of(b) {
            return true;
        }
    }
    if page_of(&s) {
        return true;
    }
    // `5/30`: a page of at most that many, of more than a handful (`1/2` is as
    // likely a fraction in a table).
    if let Some((a, b)) = s.split_once('/') {
        let (a, b) = (
            a.strip_prefix('第').unwrap_or(a),
            b.strip_suffix('页').unwrap_or(b),
        );
        if let (true, true, Ok(x), Ok(y)) =
            (digits(a), digits(b), a.parse::<u32>(), b.parse::<u32>())
        {
            return x >= 1 && x <= y && y >= 5;
        }
    }
    // `Page 6`, `Page 6 of 30`.
    let lower = s.to_ascii_lowercase();
    lower.strip_prefix("page").is_some_and(|r| {
        let (n, of) = r.split_once("of").unwrap_or((r, "1"));
        digits(n) && digits(of)
    })
}

/// Lines that are nothing but a small number, in a run that counts up by one
/// with a page's worth of text (at least [`PAGE_CHARS`] characters) between
/// each and the next: a PDF copy's page numbers. A table's row numbers count up
/// too, but with a row's worth between them.
fn bare_page_numbers(lines: &[&str], verdict: &mut [Drop]) {
    let mut seen: Vec<(usize, u32, usize)> = Vec::new();
    let mut chars = 0usize;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        match t.parse::<u32>() {
            Ok(n) if t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) => {
                seen.push((i, n, chars));
            }
            _ => chars += t.chars().count(),
        }
    }
    for k in 0..seen.len() {
        let (i, n, at) = seen[k];
        let next = seen
            .get(k + 1)
            .is_some_and(|&(_, m, to)| m == n + 1 && to - at >= PAGE_CHARS);
        let prev = k > 0 && {
            let (_, m, from) = seen[k - 1];
            m + 1 == n && at - from >= PAGE_CHARS
        };
        if (next || prev) && verdict[i] == Drop::Keep {
            verdict[i] = Drop::Furniture;
        }
    }
}

/// Most characters of a PDF copy's running head or foot (`政府工作报告`,
/// `2024年政府工作报告（全文）`).
const RUNNING_HEAD_CHARS: usize = 30;

/// A PDF copy's running head or foot: the same short line (short of the
/// page's measure, `full`; a line of no Chinese alike but for its figures, as
/// `file:///…/report.html 2/21`), ending in no mark, again and again (three
/// times at least) among the text, where a page breaks — beside a page number or inside
/// a paragraph the break cut (its line before fills the measure) — in at least
/// half of its showings. Those inside the body go; one above it is the title
/// the head repeats. A speech's `各位代表!` ends in a mark and stands between
/// paragraphs.
fn running_heads(folded: &[String], full: &[bool], verdict: &mut [Drop], body_start: usize) {
    let mut seen: HashMap<Cow<str>, Vec<usize>> = HashMap::new();
    for (i, f) in folded.iter().enumerate() {
        let f = f.trim();
        let n = f.chars().count();
        // A line of no Chinese is a printing browser's or tool's (the page's
        // address and number, the time it printed): any length, its figures
        // counting up.
        let words = f.chars().any(is_ideograph);
        let most = if words {
            RUNNING_HEAD_CHARS
        } else {
            4 * RUNNING_HEAD_CHARS
        };
        let bare = (2..=most).contains(&n)
            && !f.ends_with(|c: char| c.is_ascii_punctuation() || "。!?:;,、”)】".contains(c))
            && label(f).is_none();
        if verdict[i] == Drop::Keep && bare && !full[i] {
            let key = match words {
                true => Cow::Borrowed(f),
                false => Cow::Owned(f.replace(|c: char| c.is_ascii_digit(), "#")),
            };
            seen.entry(key).or_default().push(i);
        }
    }
    // The lines before and after `i`, blank ones skipped, two each way.
    let blank = |j: &usize| folded[*j].trim().is_empty();
    let page_number = |j: usize| {
        let f = folded[j].trim();
        is_page_number(f) || verdict[j] == Drop::Furniture && f.bytes().all(|b| b.is_ascii_digit())
    };
    let at_break = |i: usize| {
        let before: Vec<usize> = (0..i).rev().filter(|j| !blank(j)).take(2).collect();
        let after = (i + 1..folded.len()).filter(|j| !blank(j)).take(2);
        let cut = before.first().is_some_and(|&j| full[j]);
        cut || before.iter().copied().chain(after).any(page_number)
    };
    let heads: Vec<usize> = seen
        .into_values()
        .filter(|at| at.len() >= 3 && at.iter().filter(|&&i| at_break(i)).count() * 2 >= at.len())
        .flatten()
        .filter(|&i| i > body_start)
        .collect();
    for i in heads {
        verdict[i] = Drop::Furniture;
    }
}

/// The least text between two page numbers in [`bare_page_numbers`]: a page of
/// a report holds several hundred characters.
const PAGE_CHARS: usize = 200;

/// A site's path to the page: `首页 > 政务公开 > 规划计划`; with slashes only when
/// it starts at the home page or ends at the text (`首页/ 政府信息公开 / 正文`), as
/// a slash also writes dates and fractions.
fn is_breadcrumb(folded: &str) -> bool {
    let seps = folded.matches(['>', '»', '›', '＞']).count();
    let t = folded.trim();
    let slashes = match t.starts_with("首页") || t.ends_with("正文") {
        true => t.matches('/').count(),
        false => 0,
    };
    (seps >= 2 || slashes >= 2 || (seps + slashes >= 1 && t.starts_with("首页")))
        && folded.chars().count() <= 80
}

fn is_credit(folded: &str) -> bool {
    let t = folded.trim_start_matches(['(', '[', '【', '（']);
    let prefixed = CREDIT_PREFIXES.iter().any(|p| {
        // `见习编辑 周梦璇`, `责任编辑:李四`; not `编辑出版工作`.
        t.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', ' ', '\t', '|']))
    });
    folded.chars().count() <= 30 && (prefixed || papers_reporters(t))
}

/// A paper's reporters over their story: the paper, `记者`, names, and what
/// they did (`晶报记者 刘某 何某某/文、图`, `特区报记者 王某`).
fn papers_reporters(t: &str) -> bool {
    let Some(p) = t.find("记者") else {
        return false;
    };
    let paper = &t[..p];
    // Names set off by a space, or a slash and what they did (`/文、图`, `/摄`).
    let rest = &t[p + "记者".len()..];
    let Some(names) = rest
        .split_once('/')
        .map(|(n, _)| n)
        .or(rest.starts_with(' ').then_some(rest))
    else {
        return false;
    };
    // Outlets sharing a story are parted by a slash (`读创/深圳商报记者 …`):
    // the one named last is a paper, a site or a station.
    let outlets: Vec<&str> = paper.split('/').collect();
    let outlet = |o: &&str| ideographs_only(o, 1..=6);
    outlets.len() <= 3
        && outlets.iter().all(outlet)
        && paper.ends_with(['报', '网', '台', '社', '讯'])
        && names.chars().any(is_ideograph)
        && (names.split([' ', '、', '/']).filter(|n| !n.is_empty()))
            .all(|n| ideographs_only(n, 2..=4))
}

/// A photo caption: a short line without punctuation that describes a picture
/// (`图为…`, `…摄`, `与会人员正在认真听取报告`).
/// An encyclopedia entry's first sentence on the document it copies
/// (`《2016年某区人民政府工作报告》是由某区人民政府发布的报告。`): it starts at
/// the name in title marks and says who published it.
fn is_entry_lead(folded: &str) -> bool {
    let t = folded.trim();
    t.starts_with('《')
        && t.chars().nth(100).is_none()
        && t.split_once("》是由").is_some_and(|(name, rest)| {
            contains_any(name, &TITLE_WORDS)
                && contains_any(rest, &["发布", "印发", "制定", "通过"])
        })
}

fn is_caption(folded: &str) -> bool {
    // Length first: it rules out the report's prose before the scans below.
    let short = || folded.chars().count() <= 30;
    let bare = || !folded.chars().any(|c| ",。;:!?、“”".contains(c));
    let picture = || {
        folded.starts_with("图为")
            || folded.starts_with("图:")
            || folded.starts_with("图片")
            || folded.starts_with("(图")
            || folded.ends_with("摄")
            || folded.ends_with("供图")
            || folded.contains("正在")
    };
    short() && bare() && picture() || credited_photo(folded)
}

/// A caption that describes its picture in a sentence and ends with the
/// photographer's credit: `王某作政府工作报告。本报记者 李某摄`.
fn credited_photo(folded: &str) -> bool {
    // The credit: what follows the description's last full stop.
    let credit: String = (folded.rsplit('。').next().unwrap_or(""))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    folded.chars().count() <= 100
        && credit.ends_with('摄')
        && credit.chars().count() <= 14
        && ["记者", "摄影", "通讯员"]
            .iter()
            .any(|k| credit.contains(k))
}

/// Keys a page header dates the page with (folded), in the order they are trusted.
const DATE_KEYS: [&str; 13] = [
    "发布时间",
    "发布日期",
    "发布于",
    "信息提供日期",
    "公开日期",
    "公开时间",
    "发表时间",
    "发表日期",
    "发文日期",
    "成文日期",
    "生成日期",
    "更新时间",
    "更新日期",
];

/// Keys of [`DATE_KEYS`] that date the page's publication (its first eight):
/// one of them replaces a date of the writing (an update time does not).
const PUBLICATION_KEYS: &[&str] = DATE_KEYS.split_at(8).0;

/// Keys of [`DATE_KEYS`] that date the writing, not the page: a disclosure
/// catalogue gives both (`成文日期: 2008-03-11` … `发布日期: 2008-03-14`).
const WRITTEN_KEYS: [&str; 3] = ["发文日期", "成文日期", "生成日期"];

/// What a forum or blog posting's date stands after (`发表于 2020-3-6 17:24:14`):
/// the page's publication, like a key of [`PUBLICATION_KEYS`]. (Not
/// `更新于`: an update.)
const POSTED_KEYS: [&str; 2] = ["发表于", "发布于"];

/// Bare keys (`日期:2019年01月28日`, `时间 : 2016-09-09 16:28`) that date a page
/// only as a `key:` pair: the words are common in prose.
const BARE_DATE_KEYS: [&str; 2] = ["日期", "时间"];

/// A page's date after one of its keys (in a line [`fold`] has closed up the
/// spaces sites pad a date's figures with: `2023年 05月 31日`).
fn keyed_date(folded: &str) -> Option<(&'static str, Ymd)> {
    let chars = CharSet::of(folded);
    let after_key = |k: &str| {
        // (Most lines hold no key: their search is skipped.)
        if !chars.may_contain(k) {
            return None;
        }
        folded.match_indices(k).find_map(|(p, _)| {
            let rest = &folded[p + k.len()..];
            let bare = BARE_DATE_KEYS.contains(&k);
            let paired = rest.trim_start().starts_with(':');
            let rest = rest.trim_start().trim_start_matches(':').trim_start();
            let value: String = rest.chars().take(24).collect();
            // A bare key is the value's only key: its date comes first.
            first_date(&value)
                .filter(|&(at, _)| !bare || (paired && at == 0))
                .map(|(_, d)| d)
        })
    };
    DATE_KEYS
        .iter()
        .chain(&BARE_DATE_KEYS)
        .find_map(|k| Some((*k, after_key(k)?)))
}

/// A page's time stamp on a short line, with no key: a full date and a clock
/// time (`2021-02-25 10:39:05 来源:本网`, `• 2016-03-02 10:35`,
/// `2022年03月25日 16:08`). A report dates its own lines without the hour.
fn stamped_date(folded: &str) -> Option<Ymd> {
    if folded.chars().count() > 60 {
        return None;
    }
    let cs: Vec<char> = folded.chars().collect();
    let digit = |i: usize| cs.get(i).is_some_and(|c| c.is_ascii_digit());
    // `HH:MM` (or `HH时MM分`), not inside a longer number.
    let t = (1..cs.len()).find(|&i| {
        let clock = match cs[i] {
            ':' => !digit(i + 3),
            '时' => cs.get(i + 3) == Some(&'分'),
            _ => false,
        };
        clock && digit(i - 1) && digit(i + 1) && digit(i + 2)
    })?;
    let hour = if t >= 2 && digit(t - 2) { t - 2 } else { t - 1 };
    let before: String = cs[..hour].iter().collect();
    let before = before.trim_end();
    let tail: String = {
        let n = before.chars().count();
        before.chars().skip(n.saturating_sub(11)).collect()
    };
    let (at, d) = first_date(&tail)?;
    // The date ends where the time begins, and names its day (`at` is a byte
    // offset: `发表于 2022-5-31 14:19` has a character before it that is not one);
    // it starts the line or follows a space, a mark or a posting's key, not a
    // clause (`会议于2022年1月5日 9:30召开`).
    let pre_spaced = &before[..before.len() - tail.len() + at];
    let pre = pre_spaced.trim_end();
    let set_off = pre.len() < pre_spaced.len()
        || pre.is_empty()
        || pre.ends_with([':', '|', '•', '·', '】', ']'])
        || (POSTED_KEYS.iter().chain(&["更新于"])).any(|k| pre.ends_with(k));
    (d.d.is_some() && set_off && tail[at..].chars().count() >= 8).then_some(d)
}

/// A character of a date written in figures (`2021-10-08`, `2021年10月8日`).
fn is_date_char(c: char) -> bool {
    c.is_ascii_digit() || "-./年月日".contains(c)
}

/// A page's date beside its source and nothing else, either way round
/// (`2021-10-21 来源:南方日报`, `来源:南方日报 2021年10月21日`): a news page's
/// header. The date names its day.
fn sourced_date(folded: &str) -> Option<Ymd> {
    let t = folded.trim();
    if t.chars().count() > 40 {
        return None;
    }
    let (at, d) = first_date(t).filter(|(_, d)| d.d.is_some())?;
    let end = (t[at..].find(|c: char| !is_date_char(c))).map_or(t.len(), |e| at + e);
    let (before, after) = (t[..at].trim(), t[end..].trim());
    // `来源:` and one name: no clause, no second key.
    let source = |s: &str| {
        s.strip_prefix("来源")
            .map(|r| r.trim_start())
            .and_then(|r| r.strip_prefix(':'))
            .map(str::trim)
            .is_some_and(|name| {
                !name.is_empty() && !name.contains(|c: char| c.is_whitespace() || ",:;".contains(c))
            })
    };
    ((before.is_empty() && source(after)) || (source(before) && after.is_empty())).then_some(d)
}

/// A repost's byline: the account's name and the day it posted, alone on a
/// line (`深圳梦 2021-10-08`). Read above the text only (see
/// [`classify_folded`]).
fn byline_date(folded: &str) -> Option<Ymd> {
    let (name, date) = folded.trim().rsplit_once(char::is_whitespace)?;
    let name = name.trim();
    // An account's name, not a table's key (`开工时间 2021年3月1日`).
    let named = (1..=12).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| is_ideograph(c) || c.is_ascii_alphabetic())
        && !["时间", "日期", "期限", "政府"]
            .iter()
            .any(|k| name.ends_with(k));
    let bare_date = date.chars().count() <= 11 && date.chars().all(is_date_char);
    let (at, d) = first_date(date)?;
    (named && bare_date && at == 0 && d.d.is_some()).then_some(d)
}

/// A page's source alone on its line above the text (`• 来源:南沙区`), short
/// and with no mark of a sentence: the source's name.
fn source_alone(folded: &str) -> Option<&str> {
    let t = folded.trim().trim_start_matches(BULLETS);
    let r = t
        .strip_prefix("来源")?
        .trim_start()
        .strip_prefix(':')?
        .trim();
    (!r.is_empty() && r.chars().count() <= 20 && !has_sentence_punct(r) && !r.contains(','))
        .then_some(r)
}

/// A page's date alone on its line above the text, in figures (`2021-03-16`,
/// `• 2020.01.27`): a report writes its own dates in words (`2021年1月3日`), a
/// speech's delivery in its dateline; a line in figures anywhere after the
/// meeting line is the delivery still.
fn page_stamp(folded: &[String], i: usize) -> Option<Ymd> {
    let t = folded[i].trim().trim_start_matches(BULLETS);
    if t.is_empty() || t.len() > 10 || !t.chars().all(|c| c.is_ascii_digit() || "-./".contains(c)) {
        return None;
    }
    let after_meeting = (0..i).any(|j| is_meeting_line(folded[j].trim()));
    let (at, d) = first_date(t)?;
    (at == 0 && d.d.is_some() && !after_meeting).then_some(d)
}

/// A newspaper's page line: the paper, the day and the page
/// (`深圳特区报/2024 年/2 月/7 日/第 A01 版`, `人民日报 2021年3月13日 第4版`).
fn paper_date(folded: &str) -> Option<Ymd> {
    let t = folded.trim();
    if t.chars().count() > 40 || !t.ends_with('版') || !t.contains('报') {
        return None;
    }
    let closed: String = t
        .chars()
        .filter(|&c| c != '/' && !c.is_whitespace())
        .collect();
    first_date(&closed)
        .map(|(_, d)| d)
        .filter(|d| d.d.is_some())
}

/// Reads a page-header line into `header`; true when the line is one.
fn read_header(folded: &str, header: &mut PageHeader) -> bool {
    if has_sentence_punct(folded) || folded.chars().count() > 160 {
        return false;
    }
    let keyed = contains_any(folded, &HEADER_KEYS);
    let sourced = folded.starts_with("来源") && folded.contains(['-', '年']);
    let keyed_by = keyed_date(folded);
    let stamped = keyed_by.is_none().then(|| stamped_date(folded)).flatten();
    let date = (keyed_by.map(|k| k.1))
        .or(stamped)
        .or_else(|| paper_date(folded))
        .or_else(|| sourced_date(folded));
    if !keyed && !sourced && date.is_none() {
        return false;
    }
    let posted = POSTED_KEYS
        .iter()
        .any(|k| folded.trim_start().starts_with(k));
    let publication = posted || keyed_by.is_some_and(|(k, _)| PUBLICATION_KEYS.contains(&k));
    // What a publication date replaces: a date of the writing, or a bare stamp.
    let replaceable =
        keyed_by.is_some_and(|(k, _)| WRITTEN_KEYS.contains(&k)) || !posted && stamped.is_some();
    if header.published.is_none() || header.unkeyed && publication && date.is_some() {
        header.published = date;
        header.unkeyed = replaceable;
    }
    if header.source.is_none() {
        if let Some(p) = folded.find("来源") {
            let rest = folded[p + "来源".len()..].trim_start_matches([' ', ':', ':']);
            let end = rest
                .char_indices()
                .find(|&(i, c)| {
                    c.is_whitespace()
                        || rest[i..].starts_with("发布")
                        || rest[i..].starts_with("信息")
                })
                .map_or(rest.len(), |(i, _)| i);
            let src = rest[..end].trim();
            if !src.is_empty() {
                header.source = Some(src.to_string());
            }
        }
    }
    true
}

/// The infobox key of the report's name (folded).
const INFOBOX_NAME: &str = "中文名";
/// Infobox keys of the publication date (folded).
const INFOBOX_DATES: [&str; 2] = ["发布时间", "发布日期"];
/// Other keys of an encyclopedia page's infobox (folded).
const INFOBOX_KEYS: [&str; 7] = [
    "外文名",
    "别名",
    "发布单位",
    "发布机关",
    "类别",
    "类型",
    "届次",
];

/// Headings of an infobox (folded).
const INFOBOX_HEADINGS: [&str; 3] = ["基本介绍", "基本信息", "词条信息"];

/// The key/value pairs of an infobox row, values as written: a table row
/// (`中文名 | X | 發布單位 | Y |`) or a bullet (`• 中文名:X`). `None` unless every
/// key is an infobox key: a report's own lists and tables have other keys.
fn infobox_pairs(line: &str) -> Option<Vec<(String, &str)>> {
    let pairs: Vec<(&str, &str)> = if line.contains('|') {
        let cells: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if !cells.len().is_multiple_of(2) {
            return None;
        }
        cells.chunks(2).map(|kv| (kv[0], kv[1])).collect()
    } else {
        let item = line.trim_start_matches(BULLETS);
        if item.len() == line.len() {
            return None;
        }
        vec![item.split_once(':')?]
    };
    pairs
        .into_iter()
        .map(|(k, v)| {
            let key = fold(k);
            let known = key == INFOBOX_NAME
                || INFOBOX_DATES.contains(&key.as_str())
                || INFOBOX_KEYS.contains(&key.as_str());
            known.then(|| (key, v.trim()))
        })
        .collect()
}

/// Reads an infobox line (a row, or its heading) into `header`; true when it is one.
fn read_infobox(line: &str, folded: &str, header: &mut PageHeader) -> bool {
    if INFOBOX_HEADINGS.contains(&folded) {
        return true;
    }
    let Some(pairs) = infobox_pairs(line) else {
        return false;
    };
    for (key, value) in pairs {
        note_pair(&key, value, header);
    }
    true
}

/// Keeps what a header row's key says of the report: its name or its date.
fn note_pair(key: &str, value: &str, header: &mut PageHeader) {
    if key == INFOBOX_NAME || CATALOGUE_NAMES.contains(&key) {
        header.title.get_or_insert_with(|| value.to_string());
    } else if DATE_KEYS.contains(&key) && !value.is_empty() {
        read_header(&format!("{key}:{value}"), header);
    }
}

/// The keys of a dataset's record of a document's name (folded).
const RECORD_NAMES: [&str; 3] = ["标题", "题目", "title"];
/// The keys of a dataset's record of a document's date (folded).
const RECORD_DATES: [&str; 5] = ["发文时间", "发布日期", "发布时间", "日期", "date"];

/// A record a dataset (or a scraper) writes above the text it saved: at the
/// file's head, three or more `key: value` lines (`标题:…`, `发文单位:…`,
/// `来源URL:…`) up to a blank line. (A Markdown page's front matter between
/// `---` lines is read before, with the file: `pipeline`.) Its lines are
/// header; its name and date are the document's. After it, or at the head of
/// any page, a Markdown page's quoted notes (`> 本文正文由脚本…提取`) and the
/// text's own key (`正文:`) are header too.
fn front_matter(lines: &[&str], verdict: &mut [Drop], header: &mut PageHeader) {
    fn pair(l: &str) -> Option<(String, &str)> {
        let (k, v) = l.split_once([':', '：'])?;
        let k = k.trim();
        let key = (1..=8).contains(&k.chars().count())
            && k.chars()
                .all(|c| is_ideograph(c) || c.is_ascii_alphabetic() || c == '_');
        // A field's value, not a clause (`指导思想:以…为指导,…`, `问:…?`).
        let v = v.trim();
        let url = v.starts_with("http://") || v.starts_with("https://");
        let field = v.chars().nth(100).is_none()
            && (url || !has_sentence_punct(v) && !v.contains([',', '，']));
        (key && field).then(|| (fold(k).to_lowercase(), v))
    }
    let Some(top) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return;
    };
    let end = (top..lines.len())
        .find(|&i| pair(lines[i]).is_none())
        .unwrap_or(lines.len());
    let known = (top..end).any(|i| {
        pair(lines[i]).is_some_and(|(k, _)| {
            RECORD_NAMES.contains(&k.as_str()) || RECORD_DATES.contains(&k.as_str())
        })
    });
    let record = end - top >= 3 && known && lines.get(end).is_none_or(|l| l.trim().is_empty());
    for i in (top..end).filter(|_| record) {
        let Some((key, value)) = pair(lines[i]) else {
            continue;
        };
        verdict[i] = Drop::Header;
        if RECORD_NAMES.contains(&key.as_str()) && !value.is_empty() {
            header.title.get_or_insert_with(|| value.to_string());
        } else if let Some((_, d)) = (RECORD_DATES.contains(&key.as_str()))
            .then(|| first_date(value))
            .flatten()
        {
            header.published.get_or_insert(d);
        }
    }
    // The notes and the text's key, past blank lines and (without a record)
    // the title above them.
    let from = if record { end } else { top + 1 };
    for i in from..lines.len() {
        let t = lines[i].trim();
        // (Not a quoted dateline or speaker: `> ——2021年1月6日在…会议上`.)
        let note = t.strip_prefix("> ").is_some_and(|n| {
            let n = fold(n);
            !is_meeting_line(n.trim()) && !is_speaker_line(&n)
        });
        if note || pair(t).is_some_and(|(k, v)| k == "正文" && v.is_empty()) {
            verdict[i] = Drop::Header;
        } else if !t.is_empty() {
            break;
        }
    }
}

/// The catalogue keys of the report's name (folded).
const CATALOGUE_NAMES: [&str; 3] = ["名称", "文件名称", "信息名称"];
/// Keys of a government disclosure catalogue's rows (folded, spaces closed up),
/// which a gazette or disclosure page sets above the document
/// (`索 引 号:…`, `分 类:…`, `名 称:政府工作报告`, `文 号:`).
const CATALOGUE_KEYS: [&str; 33] = [
    "索引号",
    "文件编号",
    "信息名称",
    "生成日期",
    "关键词",
    "公开类型",
    "公开类别",
    "公开范围",
    "载体类型",
    "记录形式",
    "内容概述",
    "信息有效性",
    "所属目录",
    "备注",
    "分类",
    "主题分类",
    "体裁分类",
    "发布机构",
    "发文机关",
    "名称",
    "文件名称",
    "公开目录",
    "公开责任部门",
    "公开形式",
    "公开日期",
    "成文日期",
    "文号",
    "发文字号",
    "主题词",
    "有效性",
    "生效日期",
    "废止日期",
    "公开方式",
];

/// A catalogue key as written (`索 引 号`, `公开目录:` in a table cell), folded
/// and closed up, if it is one.
fn catalogue_key(cell: &str) -> Option<String> {
    let key: String = fold(cell.trim_end_matches(':'))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    CATALOGUE_KEYS.contains(&key.as_str()).then_some(key)
}

/// A catalogue row as its keys (folded, spaces closed up) and values (possibly
/// empty): one pair, or (`spaced`: above the text, where a report's own table
/// cannot be) several set apart by spaces.
fn catalogue_row(line: &str, spaced: bool) -> Option<Vec<(String, &str)>> {
    if let Some(row) = line
        .contains('|')
        .then(|| catalogue_table_row(line))
        .flatten()
    {
        return Some(vec![row]);
    }
    // (A search for one character runs through the bytes; one for a set of
    // characters decodes every character of the line.)
    if !line.contains(':') {
        return spaced.then(|| spaced_row(line)).flatten();
    }
    let (k, v) = line.split_once(':')?;
    // The value first: a line of prose with a colon has a long one.
    let short = v.chars().count() <= 60 && !has_sentence_punct(v);
    // Folding keeps ideographs, and the keys are ideographs: a `k` with more of
    // them than the longest key (prose ending in a colon) is not a key.
    let longest = CATALOGUE_KEYS.iter().map(|k| k.chars().count()).max();
    if !short
        || k.chars()
            .filter(|&c| is_ideograph(c))
            .nth(longest.unwrap_or(0))
            .is_some()
    {
        return None;
    }
    catalogue_key(k).map(|key| vec![(key, v.trim())])
}

/// A catalogue row whose keys and values only spaces part, one pair or more
/// (`索引号 11500103/2021-00009 发布机构 渝中区发展改革委`, `信息名称 政 府 工 作
/// 报 告`, `体裁分类 规划 发文字号 渝中委发〔2020〕15号 有效性`): it starts with
/// a key, and every word that is not one belongs to the value before it.
fn spaced_row(line: &str) -> Option<Vec<(String, &str)>> {
    let t = line.trim();
    if t.chars().nth(160).is_some() || has_sentence_punct(t) {
        return None;
    }
    let key = |w: &str| {
        let k = fold(w);
        (CATALOGUE_KEYS.contains(&k.as_str()) || DATE_KEYS.contains(&k.as_str())).then_some(k)
    };
    // Words with where each starts and ends.
    let words = t.split_whitespace().map(|w| {
        let at = w.as_ptr() as usize - t.as_ptr() as usize;
        (w, at, at + w.len())
    });
    let mut pairs: Vec<(String, usize, usize)> = Vec::new();
    for (w, at, end) in words {
        match (key(w), pairs.last_mut()) {
            (Some(k), _) => pairs.push((k, end, end)),
            (None, Some(p)) => {
                p.1 = if p.1 == p.2 { at } else { p.1 };
                p.2 = end;
            }
            (None, None) => return None,
        }
    }
    Some(pairs.into_iter().map(|(k, a, b)| (k, &t[a..b])).collect())
}

/// A catalogue set out as a table, copied as text (`文件名称 | 某区2025年政府工作
/// 报告 | ||`, `索引号 | /2025-0000 | 公开目录: | 工作报告 |`): a row whose first
/// filled cell is a key, every cell short and no sentence; its value is the
/// next filled cell unless that is a key too (the empty cells of a copied
/// table fall where they fall).
fn catalogue_table_row(line: &str) -> Option<(String, &str)> {
    let cells: Vec<&str> = (line.split('|').map(str::trim))
        .filter(|c| !c.is_empty())
        .collect();
    let short = |c: &&str| c.chars().count() <= 60 && !has_sentence_punct(c);
    if !cells.iter().all(short) {
        return None;
    }
    let key = catalogue_key(cells.first()?)?;
    let value = (cells.get(1).copied())
        .filter(|c| catalogue_key(c).is_none())
        .unwrap_or("");
    Some((key, value))
}

/// A catalogue's key alone on its line, as a copy of its table's cells sets it
/// (`索引号` over `11F/2017-00123`, `公开日期` over `2016年12月28日`).
fn stacked_key(line: &str) -> Option<String> {
    let t = line.trim();
    // (Keys are short: most lines are long prose, set aside before folding.)
    if t.chars().nth(12).is_some() || t.contains([':', '|']) {
        return None;
    }
    // (As [`catalogue_key`] reads it: `t` has no colon to trim.)
    let closed: String = fold(t).chars().filter(|c| !c.is_whitespace()).collect();
    let key = closed.as_str();
    (CATALOGUE_KEYS.contains(&key) || DATE_KEYS.contains(&key)).then_some(closed)
}

/// Marks catalogue rows as header lines. A catalogue is a block: a row counts
/// only beside another header line, for a report may have a `名称:` of its own.
/// A catalogue copied cell by cell has its keys alone on their lines, each over
/// its value (or over the next key, where the value is empty): a key counts only
/// with another such key near it.
fn read_catalogue(lines: &[&str], verdict: &mut [Drop], header: &mut PageHeader) {
    // Above the text only: a table of the report set cell by cell has keys
    // of its own (`名称`, `备注`).
    let text = (0..lines.len())
        .find(|&i| verdict[i] == Drop::Keep && is_prose(lines[i]))
        .unwrap_or(lines.len());
    let filled: Vec<usize> = (0..text).filter(|&i| !lines[i].trim().is_empty()).collect();
    let keys: Vec<Option<String>> = filled.iter().map(|&i| stacked_key(lines[i])).collect();
    for (n, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        let near =
            (n.saturating_sub(2)..(n + 3).min(keys.len())).any(|m| m != n && keys[m].is_some());
        // (A key of the page header's is marked already: its value is not.)
        if !near || !matches!(verdict[filled[n]], Drop::Keep | Drop::Header) {
            continue;
        }
        verdict[filled[n]] = Drop::Header;
        let value = (filled.get(n + 1).copied()).filter(|&j| {
            let v = lines[j].trim();
            keys[n + 1].is_none()
                && verdict[j] == Drop::Keep
                && v.chars().count() <= 60
                && !has_sentence_punct(v)
        });
        if let Some(j) = value {
            verdict[j] = Drop::Header;
            note_pair(key, lines[j].trim(), header);
        }
    }
    let rows: Vec<Option<Vec<(String, &str)>>> = (lines.iter().enumerate())
        .map(|(i, l)| catalogue_row(l, i < text && text < lines.len()))
        .collect();
    let header_at = |i: usize, v: &[Drop]| rows[i].is_some() || v[i] == Drop::Header;
    for i in 0..lines.len() {
        let Some(pairs) = &rows[i] else {
            continue;
        };
        // Its neighbours, past the blank lines a page may set between rows.
        let before = (0..i).rev().find(|&j| !lines[j].trim().is_empty());
        let after = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty());
        let beside = before.is_some_and(|j| header_at(j, verdict))
            || after.is_some_and(|j| header_at(j, verdict));
        if verdict[i] == Drop::Keep && beside {
            verdict[i] = Drop::Header;
            for (key, value) in pairs {
                note_pair(key, value, header);
            }
        }
    }
}

/// Whether a line is prose: enough characters and sentence punctuation, or long.
pub fn is_prose(line: &str) -> bool {
    // Counting stops at 40, all the rule asks of a long line.
    let n = line.chars().filter(|&c| is_ideograph(c)).take(40).count();
    let punct = has_sentence_punct(line) || line.contains(',');
    // A long line of items set apart by spaces is a site's menu, not prose; by
    // underscores, a page's search-engine bait (`某某_某某某_某某`).
    let items =
        !punct && (line.split_whitespace().nth(5).is_some() || line.split('_').nth(2).is_some());
    // (Bait has no sentence mark: most prose is passed over unfolded.)
    let bait = || !has_sentence_punct(line) && is_bait(&fold(line));
    !is_menu(line) && ((n >= 15 && punct) || (n >= 40 && !items)) && !bait()
}

/// A page's search-engine bait: phrases strung together by underscores with no
/// mark of a sentence (`某某第一页_某某专区在线_某某不卡`).
/// Or phrases strung together (by commas, underscores, bars or spaces), two or
/// more of them with the words a video site's spam is made of
/// (`国产…在线观看,亚洲…影院,…精品`) and one with a word only such spam uses
/// (`在线观看`): a report may well say `精品` and `国产`, or `欧美` and `日韩`.
fn is_bait(f: &str) -> bool {
    let parts: Vec<&str> = f.split('_').map(str::trim).collect();
    // (A saved page's own title bar, `2019年政府工作报告_工作报告_某某区政府在线`,
    // names a document.)
    let underscored = parts.len() >= 3
        && parts
            .iter()
            .all(|p| p.chars().filter(|&c| is_ideograph(c)).count() >= 2);
    let spam = || {
        let parts = || f.split([',', '_', '|', ' ']);
        parts().filter(|p| contains_any(p, &SPAM_WORDS)).count() >= 2
            && parts().any(|p| contains_any(p, &SPAM_ONLY))
    };
    (underscored || spam()) && !has_sentence_punct(f) && !contains_any(f, &TITLE_WORDS)
}

/// The words of a video site's spam strung above a copied page.
const SPAM_WORDS: [&str; 10] = [
    "在线观看",
    "在线播放",
    "国产",
    "精品",
    "影院",
    "无码",
    "日韩",
    "欧美",
    "免费视频",
    "久久",
];

/// Of [`SPAM_WORDS`], those no report uses.
const SPAM_ONLY: [&str; 5] = ["在线观看", "在线播放", "无码", "免费视频", "久久"];

/// A site's menu after whatever greets the reader (`欢迎来到某某网! 心得体会
/// 工作总结 工作计划 …`): six or more words of two to six characters with no
/// mark among them, apart by spaces or bars (`走进某某 | 商会概况 | …`), and
/// nothing else but the first item. Its words may name documents, but it is
/// neither prose nor a title.
pub fn is_menu(line: &str) -> bool {
    let apart = |c: char| c.is_whitespace() || c == '|' || c == '｜';
    // The last item is a word of at most six characters after a separator: a
    // line of prose, which has none that near its end, is passed at once.
    let tail = line.trim_end_matches(apart);
    if !tail.chars().rev().take(7).any(apart) {
        return false;
    }
    let items: Vec<&str> = (line.split(apart)).filter(|w| !w.is_empty()).collect();
    let words = (items.iter().skip(1))
        .filter(|w| ideographs_only(w, 2..=6))
        .count();
    words >= 6 && words + 1 >= items.len()
}

/// Classifies every (trimmed) line of a page; returns one verdict per line and the
/// page header.
pub fn classify(lines: &[&str]) -> (Vec<Drop>, PageHeader) {
    let folded: Vec<String> = lines.iter().map(|l| fold(l)).collect();
    let shapes: Vec<wrap::Shape> = lines.iter().map(|l| wrap::Shape::of(l, None)).collect();
    classify_folded(lines, &folded, &wrap::fills(&shapes, lines))
}

/// [`classify`] with the lines already [`fold`]ed (`folded[i]` is `fold(lines[i])`)
/// and, for a copy set in a page's measure, whether each fills it
/// ([`wrap::fills`]).
pub fn classify_folded(
    lines: &[&str],
    folded: &[String],
    full: &[bool],
) -> (Vec<Drop>, PageHeader) {
    let mut header = PageHeader::default();
    let mut verdict: Vec<Drop> = lines
        .iter()
        .zip(folded)
        .map(|(line, f)| {
            if line.is_empty() {
                Drop::Keep
            } else if read_header(f, &mut header) || read_infobox(line, f, &mut header) {
                Drop::Header
            } else {
                Drop::Keep
            }
        })
        .collect();
    front_matter(lines, &mut verdict, &mut header);
    read_catalogue(lines, &mut verdict, &mut header);
    let prose: Vec<usize> = (0..lines.len())
        .filter(|&i| verdict[i] == Drop::Keep && is_prose(lines[i]))
        .collect();
    let (body_start, body_end) = match (prose.first(), prose.last()) {
        (Some(&a), Some(&b)) => (a, b),
        _ => (lines.len(), 0),
    };
    // A repost's byline, above the text or among a page's first lines (over a
    // headline that reads as prose).
    for i in 0..body_start.max(10).min(lines.len()) {
        if let Some(d) = (verdict[i] == Drop::Keep)
            .then(|| byline_date(&folded[i]))
            .flatten()
        {
            verdict[i] = Drop::Header;
            header.published = header.published.or(Some(d));
        } else if let Some(src) = (verdict[i] == Drop::Keep && i < body_start)
            .then(|| source_alone(&folded[i]))
            .flatten()
        {
            verdict[i] = Drop::Header;
            header.source.get_or_insert_with(|| src.to_string());
        } else if let Some(d) = (verdict[i] == Drop::Keep && i < body_start)
            .then(|| page_stamp(folded, i))
            .flatten()
        {
            verdict[i] = Drop::Header;
            if header.published.is_none() {
                header.published = Some(d);
                header.unkeyed = true;
            }
        }
    }
    for i in 0..lines.len() {
        if verdict[i] != Drop::Keep || lines[i].is_empty() {
            continue;
        }
        // (A page's widgets and keys may come as a list: `• 来源:某区`.)
        let f = folded[i].trim_start_matches(BULLETS);
        let inside = i >= body_start && i <= body_end;
        // Each asked of the line once, for the tests below.
        let (n, punct) = (f.chars().count(), has_sentence_punct(f));
        let short = n <= 40 && !punct;
        // A piece of a paragraph a PDF copy broke at its measure is no short
        // line of chrome (`…做优丝苗米等“粤字号”农产品,…`) or glyphs (a colon
        // that did not fit).
        let piece = is_piece(full, i);
        // A label's opening bracket broken off over the rest of its heading.
        let opens =
            || next_line(lines, i).is_some_and(|j| sections::opens_label(lines[i], lines[j]));
        // The cheap tests first: most lines are long prose inside the body.
        let chrome = ((short && !piece) || !inside) && is_chrome(f)
            || !inside && short && contains_any(f, &OUTSIDE_CHROME_KEYS);
        let crumb = !punct && is_breadcrumb(f);
        let small = short
            && (only_items(f, &BUTTON_WORDS)
                || is_page_number(f)
                || is_credit(f)
                || (!piece && (is_glyph_only(f) && !opens() || is_file_name(f))))
            // A symbol the page could not show, alone on its line (`?`).
            || f.trim().chars().all(|c| c == '?') && !f.trim().is_empty()
            // A list's number left of an item the copy lost, outside the text.
            || !inside && empty_item(f);
        let contact = !inside && is_contact(f);
        // (Above the text a file's name may be the report's title: `…工作报告.docx`.)
        let download = i > body_start && is_document_file(f);
        // A link's prompt (`…等你拿,100%中奖>>`; outside the text `查看更多→`):
        // prose never ends with an arrow.
        let end = f.trim_end();
        let link = n <= 60 && (end.ends_with(">>") || end.ends_with("》》"))
            || !inside && n <= 40 && end.ends_with(['»', '→']);
        let nav = (short && !inside && only_items(f, &NAV_WORDS))
            || (!inside && (is_bait(f) || f.contains('|') && is_menu(f)))
            || link;
        let caption = is_caption(f) || is_disclaimer(f) || i <= body_start && is_entry_lead(f);
        if chrome || crumb || small || caption || contact || nav || download {
            verdict[i] = Drop::Furniture;
        }
    }
    head_captions(lines, folded, &mut verdict);
    keys_alone(
        lines,
        folded,
        &mut verdict,
        &mut header,
        (body_start, body_end),
    );
    stacked_breadcrumbs(lines, folded, &mut verdict, (body_start, body_end));
    crumbs_channel(lines, folded, &mut verdict);
    between_furniture(lines, folded, &mut verdict, body_start);
    bare_page_numbers(lines, &mut verdict);
    running_heads(folded, full, &mut verdict, body_start);
    contents_list(lines, &mut verdict);
    attachments_heading(lines, folded, &mut verdict);
    repeated_head(lines, folded, full, &mut verdict);
    (verdict, header)
}

/// Whether line `i` is a piece of a paragraph a PDF copy broke at its measure:
/// it fills the measure, or the line before it does.
fn is_piece(full: &[bool], i: usize) -> bool {
    full[i] || (i > 0 && full[i - 1])
}

/// A head a page shows twice (its header's title and dateline, then the
/// article's): above the text, a title or dateline the same as one kept before
/// it goes (never a piece of a paragraph a PDF copy broke at its measure). A
/// forum thread's title with its board's tag (`[广东] …报告`) over the post's
/// own is the one that goes.
fn repeated_head(lines: &[&str], folded: &[String], full: &[bool], verdict: &mut [Drop]) {
    // Each kept line's text without a board's tag, where it is, and whether it
    // had one.
    let mut seen: Vec<(&str, usize, bool)> = Vec::new();
    for i in 0..lines.len() {
        // (Once as a heading, once as a sentence: `…工作报告。`; or as a
        // Markdown heading, `# …通知`.)
        let f = folded[i].trim().trim_end_matches('。');
        let f = f.strip_prefix("# ").unwrap_or(f).trim_start();
        if verdict[i] != Drop::Keep || is_piece(full, i) {
            continue;
        }
        // (A long title has no mark of a sentence and reads as prose; a
        // paragraph is longer.)
        let titled = contains_any(f, &TITLE_WORDS);
        let title_like =
            titled && f.chars().nth(80).is_none() && !has_sentence_punct(f) && !f.contains(',');
        if is_prose(lines[i]) && !title_like {
            break;
        }
        if !titled && !is_meeting_line(f) {
            continue;
        }
        let (key, tagged) = match board_tagged(f) {
            Some(rest) => (rest, true),
            None => (f, false),
        };
        match seen.iter_mut().find(|s| s.0 == key) {
            Some(s) if s.2 && !tagged => {
                verdict[s.1] = Drop::Furniture;
                *s = (key, i, false);
            }
            Some(_) => verdict[i] = Drop::Furniture,
            None => match broken_repeat(lines, folded, verdict, i, key, &seen) {
                Some(j) => {
                    verdict[i] = Drop::Furniture;
                    verdict[j] = Drop::Furniture;
                }
                None => seen.push((key, i, tagged)),
            },
        }
    }
}

/// The line after `i` that, with `key` (line `i`'s), makes up a title kept
/// before: the article's copy of a long title, broken over two lines.
fn broken_repeat(
    lines: &[&str],
    folded: &[String],
    verdict: &[Drop],
    i: usize,
    key: &str,
    seen: &[(&str, usize, bool)],
) -> Option<usize> {
    let whole = seen
        .iter()
        .find(|s| s.0.len() > key.len() && s.0.starts_with(key))?;
    let j = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty())?;
    let rest = folded[j].trim();
    (verdict[j] == Drop::Keep && whole.0.len() == key.len() + rest.len() && whole.0.ends_with(rest))
        .then_some(j)
}

/// A photo's caption between the report's title and its text, saying who
/// gave it (`省长赵刚作政府工作报告`, `张工作政府工作报告。`): a short line, under
/// a title that names the report already.
fn head_captions(lines: &[&str], folded: &[String], verdict: &mut [Drop]) {
    let kept = |i: usize| verdict[i] == Drop::Keep;
    let titled = (0..lines.len())
        .take_while(|&i| !kept(i) || !is_prose(lines[i]))
        .find(|&i| kept(i) && folded[i].contains("工作报告"));
    let Some(title) = titled else { return };
    // Up to the text's first prose (a longer caption over it has gone already).
    for i in title + 1..lines.len() {
        // Who gave it, then perhaps the photographer's credit
        // (`任振鹤作政府工作报告。新甘肃·甘肃日报记者 盛学卿`).
        let (f, credit) = folded[i]
            .trim()
            .split_once('。')
            .unwrap_or((folded[i].trim(), ""));
        let gave = f.ends_with("作政府工作报告") || f.ends_with("作工作报告");
        let credit = credit.trim();
        let credited = credit.is_empty()
            || credit.chars().count() <= 24
                && ["记者", "摄"].iter().any(|k| credit.contains(k))
                && !has_sentence_punct(credit);
        if verdict[i] == Drop::Keep
            && gave
            && credited
            && f.chars().count() <= 30
            && !f.contains([',', ':'])
        {
            verdict[i] = Drop::Furniture;
        } else if verdict[i] == Drop::Keep && is_prose(lines[i]) {
            break;
        }
    }
}

/// Keys of a page's widgets and counters (folded) that a copy may set alone on
/// a line, their values on the next or lost (`分享:`, `阅读量:`, `【字体:`).
const WIDGET_KEYS: [&str; 12] = [
    "分享",
    "字体",
    "字号",
    "您的位置",
    "当前位置",
    "阅读量",
    "浏览量",
    "浏览次数",
    "点击量",
    "点击数",
    "访问量",
    "阅读次数",
];

/// The key of a line that is nothing but a key and its colon (`时间:`,
/// `【字体:`): the copy set the value, if any, on a line of its own.
fn key_alone(folded: &str) -> Option<&str> {
    let t = folded.trim().trim_start_matches(['【', '[', '(']);
    let key = t.strip_suffix(':')?.trim_end();
    ideographs_only(key, 1..=6).then_some(key)
}

/// The index of the next non-empty line after `i`.
fn next_line(lines: &[&str], i: usize) -> Option<usize> {
    (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty())
}

/// A page header whose keys stand alone on their lines with the values under
/// them (`时间:` / `2026-02-02 09:20`, `来源:` / `某省人民政府`), as a copy of
/// a page's key and value cells sets them: a date is read into the header, a
/// source or an author goes with its key, and a widget's key is furniture.
fn keys_alone(
    lines: &[&str],
    folded: &[String],
    verdict: &mut [Drop],
    header: &mut PageHeader,
    (body_start, body_end): (usize, usize),
) {
    for i in (0..lines.len()).filter(|&i| i < body_start || i > body_end) {
        let Some(key) = key_alone(&folded[i]) else {
            continue;
        };
        // The value under its key (past blank lines, as a catalogue's cells),
        // never the head of the report (a page that left the key's value
        // empty: `来源:` over `某某市2026年政府工作报告`, over `市长 王某某`).
        let value = next_line(lines, i).filter(|&j| {
            let v = folded.get(j).map_or("", |v| v.trim());
            (1..=20).contains(&v.chars().count())
                && !has_sentence_punct(v)
                && key_alone(v).is_none()
                && !contains_any(v, &TITLE_WORDS)
                && !is_meeting_line(v)
                && !is_speaker_line(lines[j])
        });
        let dated = DATE_KEYS.contains(&key) || BARE_DATE_KEYS.contains(&key);
        if dated {
            // A page's date names its day (`时间:` over `2025年3月至6月` is a
            // schedule's).
            let Some((j, pair)) = value
                .map(|j| (j, format!("{key}:{}", folded[j].trim())))
                .filter(|(_, pair)| keyed_date(pair).is_some_and(|(_, d)| d.d.is_some()))
            else {
                continue;
            };
            read_header(&pair, header);
            verdict[i] = Drop::Header;
            verdict[j] = Drop::Header;
        } else if key == "来源" || CREDIT_PREFIXES.contains(&key) {
            verdict[i] = Drop::Furniture;
            if let Some(j) = value {
                if key == "来源" && header.source.is_none() {
                    header.source = Some(folded[j].trim().to_string());
                }
                verdict[j] = Drop::Furniture;
            }
        } else if WIDGET_KEYS.contains(&key) {
            verdict[i] = Drop::Furniture;
        }
    }
}

/// A breadcrumb's last item, the page's channel, repeated under it as the
/// channel's heading (`您当前所在位置: 首页>会议文件` over `会议文件`).
fn crumbs_channel(lines: &[&str], folded: &[String], verdict: &mut [Drop]) {
    for i in 0..lines.len() {
        let Some(p) = folded[i]
            .rfind(['>', '»', '›'])
            .filter(|_| verdict[i] == Drop::Furniture)
        else {
            continue;
        };
        let channel = folded[i][p..].trim_start_matches(['>', '»', '›']).trim();
        if let Some(j) = next_line(lines, i) {
            // (A breadcrumb may end in the article's own title instead, which
            // the page then shows as its title: that stays.)
            let short =
                (1..=10).contains(&channel.chars().count()) && !contains_any(channel, &TITLE_WORDS);
            if short && verdict[j] == Drop::Keep && folded[j].trim() == channel {
                verdict[j] = Drop::Furniture;
            }
        }
    }
}

/// The separators of a breadcrumb (folded).
const CRUMB_SEPARATORS: [&str; 4] = [">", ">>", "»", "›"];

/// A breadcrumb a copy set one item a line, separators between them (`首页` /
/// `>` / `政务信息` / `>` / `宁夏要闻`), outside the body: short lines beside a
/// separator's are its items.
fn stacked_breadcrumbs(
    lines: &[&str],
    folded: &[String],
    verdict: &mut [Drop],
    (body_start, body_end): (usize, usize),
) {
    let item = |f: &str| f.trim().chars().count() <= 16 && !has_sentence_punct(f);
    let separator = |i: usize| {
        let inside = i >= body_start && i <= body_end;
        !inside && CRUMB_SEPARATORS.contains(&folded[i].trim())
    };
    for i in (0..lines.len()).filter(|&i| separator(i)) {
        verdict[i] = Drop::Furniture;
        let before = (0..i).rev().find(|&j| !lines[j].trim().is_empty());
        let after = next_line(lines, i);
        for j in [before, after].into_iter().flatten() {
            // The last item may be the page's title, over its dateline: it
            // stays (`首页` / `>` / `2026年政府工作报告` / `——2026年1月…`).
            let dated = next_line(lines, j).is_some_and(|k| is_meeting_line(&folded[k]));
            let title = j > i && dated && contains_any(&folded[j], &TITLE_WORDS);
            if verdict[j] == Drop::Keep && item(&folded[j]) && !title {
                verdict[j] = Drop::Furniture;
                // The same item again under it (a channel's name twice).
                if let Some(k) = next_line(lines, j).filter(|&k| k > i && folded[k] == folded[j]) {
                    verdict[k] = Drop::Furniture;
                }
            }
        }
    }
}

/// Most characters of a script (ideographs) a line among the page's furniture
/// may have to be furniture too: a count, a level, a mood (`1万`, `帖子`,
/// `[LV.10]以坛为家III`); a headline has more, and a speaker's line names a role.
const AMONG_FURNITURE_IDEOGRAPHS: usize = 4;

/// Lines above the text that stand between furniture and have next to no
/// words (a forum poster's profile between `每日心情` and `发表于 …`) are
/// furniture too. A report's title, dateline and speaker stand between its own
/// lines, and hardly ever this bare (a speaker's bare name between a header
/// line and a button would go).
fn between_furniture(lines: &[&str], folded: &[String], verdict: &mut [Drop], body_start: usize) {
    let bare = |f: &str| {
        f.chars().filter(|&c| is_ideograph(c)).count() <= AMONG_FURNITURE_IDEOGRAPHS
            && !has_sentence_punct(f)
            && !contains_any(f, &TITLE_WORDS)
            && !contains_any(
                f,
                &["长", "书记", "主任", "主席", "常委", "主持", "代表", "委员"],
            )
            && first_date(f).is_none()
            && label(f.trim()).is_none()
    };
    // Without prose there is no text to stand above.
    let end = body_start.min(lines.len());
    let mut i = if end == lines.len() { end } else { 0 };
    while i < end {
        if verdict[i] == Drop::Keep || lines[i].is_empty() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < end && (lines[j].is_empty() || verdict[j] == Drop::Keep && bare(&folded[j])) {
            j += 1;
        }
        if j < end && verdict[j] != Drop::Keep {
            for k in i + 1..j {
                if !lines[k].is_empty() {
                    verdict[k] = Drop::Furniture;
                }
            }
        }
        i = j;
    }
}

/// Least entries a table of contents has.
const CONTENTS_ENTRIES: usize = 3;

/// A heading as a table of contents lists it and as the text repeats it: no
/// page number, leader dots or spaces (`一、2018年工作回顾……3`).
fn entry_key(line: &str) -> String {
    line.trim()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .trim_end_matches(['…', '.', '·', '-', '_', ' '])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A table of contents above the text (a copy of a report printed with its
/// outline, under `目录` or not): three or more numbered heading lines in a
/// row with nothing else between them but blank lines, most of which the text
/// repeats further on as its headings. The headings themselves stay where the
/// text has them.
fn contents_list(lines: &[&str], verdict: &mut [Drop]) {
    let heading = |i: usize, v: &[Drop]| {
        let t = lines[i].trim();
        v[i] == Drop::Keep
            && t.chars().count() <= 40
            && !t.contains(['。', ';', ';'])
            && label(t).is_some()
    };
    let mut i = 0;
    while i < lines.len() {
        if !heading(i, verdict) {
            i += 1;
            continue;
        }
        // The run of headings from `i`, past blank lines.
        // It ends where the text begins repeating it.
        let mut run = vec![i];
        let mut keys = std::collections::HashSet::from([entry_key(lines[i])]);
        let mut j = i + 1;
        while j < lines.len() && (lines[j].trim().is_empty() || heading(j, verdict)) {
            if !lines[j].trim().is_empty() {
                if !keys.insert(entry_key(lines[j])) {
                    break;
                }
                run.push(j);
            }
            j += 1;
        }
        if run.len() < CONTENTS_ENTRIES {
            i = j;
            continue;
        }
        let end = run[run.len() - 1] + 1;
        // A line the text repeats, or the start of a heading it gives in full
        // (`(一)改革创新优环境稳实体` listed, `(一)改革创新优环境稳实体,活力动力
        // 持续增强` in the text).
        let later: std::collections::HashSet<String> = (lines[end..].iter())
            .flat_map(|l| {
                let head = l.split([',', ':', '。']).next().unwrap_or(l);
                [entry_key(l), entry_key(head)]
            })
            .collect();
        let repeated = run
            .iter()
            .filter(|&&k| later.contains(&entry_key(lines[k])))
            .count();
        if repeated * 3 >= run.len() * 2 {
            for &k in &run {
                verdict[k] = Drop::Furniture;
            }
            // Its heading (`目录`, `目 录`) over it.
            if let Some(h) = (0..i).rev().find(|&h| !lines[h].trim().is_empty()) {
                let t: String = lines[h].chars().filter(|c| !c.is_whitespace()).collect();
                if t == "目录" || t == "目錄" {
                    verdict[h] = Drop::Furniture;
                }
            }
        }
        i = j;
    }
}

/// A picture left behind as its file name (`640 (1).jpg`).
fn is_file_name(folded: &str) -> bool {
    let lower = folded.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// A link to a document the page offers for download, left as its file name
/// (`1．附件1：2016年民生实事项目一览表.doc`, `《政府工作报告》有关名词解释.doc`):
/// the attachment itself is not in the text. Takes the line folded.
pub fn is_document_file(folded: &str) -> bool {
    let Some((name, ext)) = folded.trim().rsplit_once('.') else {
        return false;
    };
    // The extension first: most lines with a full stop are figures (`5.2%`).
    [
        "doc", "docx", "pdf", "xls", "xlsx", "wps", "et", "zip", "rar", "ofd",
    ]
    .iter()
    .any(|e| ext.eq_ignore_ascii_case(e))
        && !name.trim().is_empty()
        && folded.chars().count() <= 100
}

/// An attachments list's heading (`附件:`) over links that are furniture.
fn attachments_heading(lines: &[&str], folded: &[String], verdict: &mut [Drop]) {
    for i in 0..lines.len() {
        let f = folded[i].trim().trim_end_matches(':');
        if verdict[i] != Drop::Keep || !matches!(f, "附件" | "相关附件" | "附件下载") {
            continue;
        }
        if next_line(lines, i)
            .is_some_and(|j| verdict[j] == Drop::Furniture && is_document_file(&folded[j]))
        {
            verdict[i] = Drop::Furniture;
        }
    }
}

/// Endings of the keys of a site's contact lines (`热线电话: 0755…`, `公司地址: …`).
const CONTACT_KEYS: [&str; 6] = ["电话", "热线", "地址", "传真", "邮编", "邮箱"];

/// A site's contact line: a short key ending in a contact word, then its value.
fn is_contact(folded: &str) -> bool {
    folded.chars().count() <= 40
        && folded.split_once(':').is_some_and(|(k, _)| {
            k.chars().count() <= 8 && CONTACT_KEYS.iter().any(|c| k.trim().ends_with(c))
        })
}

fn is_chrome(folded: &str) -> bool {
    CHROME_KEYS.iter().any(|k| folded.contains(k))
}

/// What a copying site says of the pages it copies (folded, so `網` is `网`;
/// `權` both ways), never a report: the line is furniture however long.
/// (And a document-sharing site's notice on its copy: `《…》由会员分享,可在线阅读,
/// 更多相关《…》请在某某文档上搜索。`)
const DISCLAIMER_KEYS: [&str; 5] = [
    "不代表本站",
    "不代表本网",
    "如有侵权",
    "如有侵權",
    "由会员分享",
];

/// A copying site's disclaimer (`导语:…一文来源于网友上传,不代表本站观点,…`),
/// or a document-sharing site's notice on its copies (`1. 部分包含…的文件,查看预览
/// 时可能会显示错乱…,文件下载后无此问题`): a line no longer than a notice's
/// with two of the words such notices are made of, one of them only such a
/// site's.
fn is_disclaimer(folded: &str) -> bool {
    DISCLAIMER_KEYS.iter().any(|k| folded.contains(k))
        || folded.chars().nth(120).is_none()
            && contains_any(folded, &DOC_SITE_ONLY)
            && DOC_SITE_WORDS
                .iter()
                .filter(|k| folded.contains(*k))
                .nth(1)
                .is_some()
}

/// What only a document-sharing site says of itself (a report may well speak
/// of uploads, downloads and a service line).
const DOC_SITE_ONLY: [&str; 6] = ["本站", "联系客服", "付费", "版权归", "放心下载", "本文档"];

/// What a document-sharing site's notices speak of (folded): its documents,
/// their preview, upload and download, its service desk and its pay wall.
const DOC_SITE_WORDS: [&str; 8] = [
    "文档",
    "预览",
    "上传",
    "下载",
    "客服",
    "本站",
    "付费",
    "版权归",
];

/// A site-name line (`深圳市罗湖区人民政府`) standing above the report's title.
pub fn is_site_name(line: &str) -> bool {
    let f = fold(line);
    f.chars().count() <= 20
        && !f
            .chars()
            .any(|c| ",。;:!?、“”()".contains(c) || c.is_ascii_digit())
        && (SITE_NAME_ENDINGS.iter().any(|e| f.ends_with(e))
            // A news site's (`人民网`, `深圳新闻网`).
            || f.ends_with('网') && f.chars().count() <= 6)
}

/// What a PDF copy glued to the end of its lines (`…会议上1No`, `各位代表:1No`):
/// one short token of ASCII letters and digits that ends at least a fifth of the
/// lines and five of them (a paragraph's last line, where a copy wraps lines),
/// each time right after a character of the text (a CJK character or a mark).
pub fn line_end_junk<'a>(lines: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut total = 0;
    for line in lines {
        total += 1;
        let t = line.trim_end();
        let tail = t.len()
            - t.trim_end_matches(|c: char| c.is_ascii_alphanumeric())
                .len();
        let (head, token) = t.split_at(t.len() - tail);
        let glued = head.chars().next_back().is_some_and(|c| !c.is_ascii());
        // Letters and digits: no acronym (`GDP`), no number.
        let word = (2..=6).contains(&token.len())
            && token.chars().any(|c| c.is_ascii_alphabetic())
            && token.chars().any(|c| c.is_ascii_digit());
        if glued && word {
            *counts.entry(token).or_default() += 1;
        }
    }
    let (token, n) = counts
        .into_iter()
        .max_by_key(|&(t, n)| (n, std::cmp::Reverse(t)))?;
    (n >= 5 && n * 5 >= total).then(|| token.to_string())
}

/// A newspaper's jump marks inside a line (`(下转05版)`, `（上接第一版）`,
/// `(转第2页)`): where a story breaks off to go on elsewhere in the paper, and
/// where it comes back. Character ranges, in order. Both scripts (`下轉`, `頁`),
/// both widths of bracket.
pub fn jump_marks(line: &str) -> Vec<(usize, usize)> {
    // Every mark opens with a bracket: a line with none is passed at once.
    if !line.contains(['(', '（']) {
        return Vec::new();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match jump_mark_len(&chars[i..]) {
            Some(n) => {
                out.push((i, i + n));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The length of a jump mark at the start of `s`: `(`, where the story goes
/// (`下转`, `上接`, `转`, `接`, `紧接`, `续`), an optional `第`, a page (a number,
/// maybe with a section letter, or a Chinese numeral), `版` or `页`, `)`.
fn jump_mark_len(s: &[char]) -> Option<usize> {
    if !matches!(s.first(), Some('(' | '（')) {
        return None;
    }
    let mut i = 1;
    let skip_space = |i: &mut usize| {
        while s.get(*i).is_some_and(|c| c.is_whitespace()) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    let verb = [
        "下转", "下轉", "上接", "紧接", "緊接", "转", "轉", "接", "续", "續",
    ]
    .iter()
    .find(|v| starts_with(s, i, v))?;
    i += verb.chars().count();
    skip_space(&mut i);
    if s.get(i) == Some(&'第') {
        i += 1;
        skip_space(&mut i);
    }
    let page = i;
    while s
        .get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || "一二三四五六七八九十零〇".contains(*c))
        && i - page < 4
    {
        i += 1;
    }
    if i == page || !s[page..i].iter().any(|c| !c.is_ascii_alphabetic()) {
        return None;
    }
    skip_space(&mut i);
    if !matches!(s.get(i), Some('版' | '页' | '頁')) {
        return None;
    }
    i += 1;
    skip_space(&mut i);
    matches!(s.get(i), Some(')' | '）')).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_become_metadata() {
        let lines = ["信息提供日期 : 2015-02-27 00:00來源 : 區委區政府辦 信息索引號 : /2015-1"];
        let (v, h) = classify(&lines);
        assert_eq!(v, vec![Drop::Header]);
        assert_eq!(h.published, Some(Ymd::full(2015, 2, 27)));
        assert_eq!(h.source.as_deref(), Some("区委区政府办"));
    }

    #[test]
    fn infobox_rows_become_metadata() {
        let lines = [
            "| 中文名 | 某區政府工作報告(2020) | 發布單位 | 某區人民政府 |",
            "基本介紹",
            "• 發布時間:2020-01-20",
            "• 工作目标:全年增长百分之六",
            "名称 | 某某",
        ];
        let (v, h) = classify(&lines);
        assert_eq!(&v[..3], [Drop::Header; 3]);
        assert_eq!(&v[3..], [Drop::Keep; 2], "a report's own keys");
        assert_eq!(h.title.as_deref(), Some("某區政府工作報告(2020)"));
        assert_eq!(h.published, Some(Ymd::full(2020, 1, 20)));
    }

    #[test]
    fn breadcrumbs_with_slashes_start_at_home_or_end_at_the_text() {
        assert!(is_breadcrumb("首页/ 政府信息公开 / 政府工作报告 / 正文"));
        assert!(is_breadcrumb("政务公开/规划计划/正文"));
        assert!(!is_breadcrumb("2020/01/02 来源:区政府"));
        assert!(!is_breadcrumb("增长1/3,达到2/3"));
    }

    #[test]
    fn navigation_goes_outside_the_body_only() {
        let lines = [
            "新闻",
            "首页 | 政务公开 | 互动",
            "某区2030年工作报告",
            "一年来,我们推进各项工作,经济运行平稳。",
            "新闻",
            "服务业增加值增长百分之五,完成全年目标。",
            "首页",
        ];
        let (v, _) = classify(&lines);
        let k = Drop::Keep;
        let f = Drop::Furniture;
        assert_eq!(v, [f, f, k, k, k, k, f]);
    }

    #[test]
    fn a_table_of_contents_goes_its_headings_stay() {
        let lines = [
            "目 录",
            "一、2029年工作回顾……1",
            "(一)推动实体经济稳健发展……2",
            "",
            "二、2030年主要工作……5",
            "各位代表:",
            "一、2029年工作回顾",
            "过去一年,我们推进各项工作,经济运行平稳。",
            "(一)推动实体经济稳健发展",
            "全市生产总值增长百分之七,完成全年目标。",
            "二、2030年主要工作",
            "今年的主要预期目标是增长百分之六左右。",
        ];
        let (v, _) = classify(&lines);
        let (f, k) = (Drop::Furniture, Drop::Keep);
        assert_eq!(v[..5], [f, f, f, k, f]);
        assert!(v[5..].iter().all(|&d| d == k));
        // The outline run straight into the text: it ends where the text
        // repeats its first entry.
        let lines = [
            "一、2029年工作回顾",
            "(一)推动实体经济稳健发展",
            "二、2030年主要工作",
            "一、2029年工作回顾",
            "(一)推动实体经济稳健发展",
            "全市生产总值增长百分之七,完成全年目标。",
            "二、2030年主要工作",
            "今年的主要预期目标是增长百分之六左右。",
        ];
        let (v, _) = classify(&lines);
        assert_eq!(v[..3], [f; 3]);
        assert!(v[3..].iter().all(|&d| d == k), "{v:?}");
        // An outline of the headings' first clauses: the text gives them in full.
        let lines = [
            "一、2029年工作回顾",
            "(一)改革创新优环境稳实体",
            "(二)多措并举稳增长促投资",
            "二、2030年工作安排",
            "某某区2030年政府工作报告",
            "一、2029年工作回顾",
            "(一)改革创新优环境稳实体,活力动力持续增强",
            "全区生产总值增长百分之七,完成全年目标。",
            "(二)多措并举稳增长促投资,经济运行稳中有进",
            "二、2030年工作安排",
            "今年的主要预期目标是增长百分之六左右。",
        ];
        let (v, _) = classify(&lines);
        assert_eq!(v[..4], [f; 4]);
        assert!(v[4..].iter().all(|&d| d == k), "{v:?}");
        // Headings in a row that the text does not repeat are its own.
        let lines = [
            "一、总体要求",
            "二、主要任务",
            "三、保障措施",
            "全区推进各项工作,经济运行平稳,完成全年目标任务。",
        ];
        let (v, _) = classify(&lines);
        assert!(v.iter().all(|&d| d == k));
    }

    #[test]
    fn related_reports_under_the_text_go() {
        let lines = [
            "全区推进各项工作,经济运行平稳,完成全年目标任务。",
            "相关报道:",
            "延伸阅读",
        ];
        let (v, _) = classify(&lines);
        assert_eq!(v, [Drop::Keep, Drop::Furniture, Drop::Furniture]);
    }

    #[test]
    fn a_copying_sites_disclaimer_goes_however_long() {
        let lines = [
            "區政府工作會議的講話",
            "導語:區政府工作會議的講話一文來源于網友上傳,不代表本站觀點,若需要原創文章可咨詢客服老師,歡迎參考。",
            "現在,我代表區人民政府向大會報告工作,請予審議,并請各位政協委員和其他列席人員提出意見。",
        ];
        let (v, _) = classify(&lines);
        assert_eq!(v, [Drop::Keep, Drop::Furniture, Drop::Keep]);
    }

    #[test]
    fn search_bait_above_a_report_goes() {
        let bait = "某某第一页一区二区_某某高清专区在线_某某美女不卡在线_某某精品免费视频大全";
        let lines = [
            bait,
            "某区2030年政府工作报告",
            "一年来,我们推进各项工作,经济运行平稳。",
            "服务业增加值增长百分之五,完成全年目标。",
        ];
        let (v, _) = classify(&lines);
        assert_eq!(v[..2], [Drop::Furniture, Drop::Keep]);
        assert!(!is_prose(bait));
        // Underscores in the report's own text are no bait, nor a saved page's
        // title bar.
        assert!(!is_bait("填写_姓名_日期,然后提交。"));
        assert!(!is_bait("2019年政府工作报告_工作报告_某某区政府在线"));
        // Spam strung by commas; a headline of as many parts is none.
        let spam = "某某美女在线观看,亚洲第一区影院,2018久久国产精品,欧美在线观看";
        assert!(is_bait(spam) && !is_prose(spam));
        // A report's own words are no spam, however strung.
        for report in [
            "开拓欧美传统市场,深耕日韩新兴市场,扩大精品服务出口",
            "打造精品文旅线路 推进国产替代",
            "推出一批精品力作,打造一批精品民宿",
        ] {
            assert!(!is_bait(report), "{report}");
        }
        assert!(is_prose(
            "开拓欧美传统市场,深耕日韩新兴市场,扩大精品服务出口"
        ));
    }

    #[test]
    fn tool_bar_and_credited_photo() {
        let lines = [
            "下载",
            "打印",
            "全屏",
            "收藏",
            "【字号:",
            "加大",
            "还原",
            "减小",
            "】",
            "某省2030年政府工作报告",
            "王某作政府工作报告。本报记者 李某某摄",
            "一年来,我们推进各项工作,经济运行平稳。",
            "记者从会上获悉,全年新建学校十所,由某某拍摄的纪录片上映。",
        ];
        let (v, _) = classify(&lines);
        let k = Drop::Keep;
        let f = Drop::Furniture;
        assert_eq!(v, [f, f, f, f, f, f, f, f, f, k, f, k, k]);
    }

    #[test]
    fn a_forum_threads_and_a_newspapers_furniture() {
        let lines = [
            "设为首页收藏本站",
            "查看: 782|回复: 0",
            "[广东] 2030年某某区政府工作报告",
            "[复制链接]",
            "• TA的每日心情",
            "开心",
            "",
            "2029-3-1 17:41",
            "• 签到天数: 752 天",
            "[LV.10]以坛为家III",
            "1万",
            "帖子",
            "Rank: 7Rank: 7",
            "152356",
            "发表于 2030-5-31 14:19:23 | 显示全部楼层 |阅读模式",
            "2030年某某区政府工作报告",
            "区长 王某",
            "晶报记者 刘某某 何某某/文、图",
            "一年来,我们推进各项工作,经济运行平稳。",
        ];
        let (v, h) = classify(&lines);
        let (k, f) = (Drop::Keep, Drop::Furniture);
        let kept: Vec<&str> = (lines.iter().zip(&v))
            .filter(|(l, d)| **d == k && !l.is_empty())
            .map(|(l, _)| *l)
            .collect();
        // The thread's title with its board's tag goes for the post's own; the
        // posting's date, not the poster's last mood's, dates the page.
        assert_eq!(kept, [lines[15], lines[16], lines[18]]);
        assert_eq!((v[0], v[2], v[5], v[12], v[17]), (f, f, f, f, f));
        assert_eq!(h.published, Some(Ymd::full(2030, 5, 31)));
        // A headline, a speaker or a dateline between furniture stays.
        let lines = [
            "当前位置:首页>要闻",
            "区人大会议开幕",
            "发布时间:2030-01-12",
            "区长 王某",
            "【打印】",
            "2030年1月10日",
            "[关闭]",
            "一年来,我们推进各项工作,经济运行平稳。",
        ];
        let (v, _) = classify(&lines);
        assert_eq!((v[1], v[3], v[5]), (k, k, k));
        // Reporters, not a sentence or a headline that names one.
        for line in [
            "特区报记者 王某",
            "新华社记者 李某某 张某/摄",
            "深圳特区报讯记者 王某 帅某某",
            "晶报记者 李文",
            "特区报记者 张文/图",
            "读创/深圳商报记者 吴某红 李丹",
        ] {
            assert!(is_credit(&fold(line)), "{line}");
        }
        for line in [
            "记者从会上获悉",
            "本报记者节座谈会召开",
            "据报记者统计,全年增长6%",
            "新华社记者手记",
            "本报记者调查",
            "人民网记者探访龙岗",
        ] {
            assert!(!is_credit(&fold(line)), "{line}");
        }
        // A report's heading that names a reading mode is text.
        let text = "一年来,我们推进各项工作,经济运行平稳。";
        let (v, _) = classify(&[text, "(三)创新全民阅读模式,建设书香城区", text]);
        assert_eq!(v[1], k);
    }

    #[test]
    fn catalogue_rows_set_apart_by_spaces_and_a_title_repeated_over_two_lines() {
        let lines = [
            "索引号 11F/2030-00009 发布机构 某某区发展改革委",
            "成文日期 2030-12-16 发布日期 2030-12-18 主题分类 国民经济发展规划、计划",
            "体裁分类 规划 发文字号 某委发〔2030〕15号 有效性",
            "信息名称 政 府 工 作 报 告",
            "",
            "中共某某区委关于制定某某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议",
            "打印 打印",
            "中共某某区委关于制定某某区国民经济和社会发展第十四个五年规划",
            "",
            "和二〇三五年远景目标的建议",
            "“十四五”时期是开启新征程的关键时期。",
            // In the text a table's row with keys is the report's own.
            "名称 投资额 备注",
            "名称 投资额 备注",
        ];
        let (v, h) = classify(&lines);
        let kept: Vec<&str> = (lines.iter().zip(&v))
            .filter(|(l, d)| **d == Drop::Keep && !l.is_empty())
            .map(|(l, _)| *l)
            .collect();
        assert_eq!(kept, [lines[5], lines[10], lines[11], lines[12]]);
        assert_eq!(h.published, Some(Ymd::full(2030, 12, 18)));
        assert_eq!(
            spaced_row(lines[2]),
            Some(vec![
                ("体裁分类".to_string(), "规划"),
                ("发文字号".to_string(), "某委发〔2030〕15号"),
                ("有效性".to_string(), ""),
            ])
        );
        // A line that starts with no key is none.
        assert_eq!(spaced_row("规划 发文字号 某委发〔2030〕15号"), None);
    }

    #[test]
    fn an_encyclopedia_entrys_first_sentence() {
        let lines = [
            "2031年某区人民政府工作报告",
            "《2031年某区人民政府工作报告》是由某区人民政府发布的报告。",
            "各位代表:",
            "我代表区人民政府向大会作工作报告,请予审议。",
            "《政府工作报告》是由区人民政府起草的,是全区人民的行动纲领。",
        ];
        let (v, _) = classify(&lines);
        assert_eq!(
            v,
            [
                Drop::Keep,
                Drop::Furniture,
                Drop::Keep,
                Drop::Keep,
                Drop::Keep
            ]
        );
    }

    #[test]
    fn a_lists_number_whose_item_the_copy_lost() {
        let lines = [
            "1.",
            "2031年政府工作报告",
            "各位代表:现在,我代表市政府报告工作,请予审议。",
        ];
        assert_eq!(
            classify(&lines).0,
            [Drop::Furniture, Drop::Keep, Drop::Keep]
        );
        assert!(!empty_item("2031."));
    }

    #[test]
    fn a_symbol_the_page_could_not_show_alone_on_its_line() {
        let lines = [
            "2031年施政报告",
            "?",
            "主席、各位议员:",
            " ?? ",
            "我们要推动经济发展,改善民生。",
        ];
        let (v, _) = classify(&lines);
        assert_eq!(
            v,
            [
                Drop::Keep,
                Drop::Furniture,
                Drop::Keep,
                Drop::Furniture,
                Drop::Keep
            ]
        );
    }

    #[test]
    fn a_menu_set_apart_by_bars_and_widgets_as_a_list() {
        let lines = [
            "今天是 收藏本站 | 设为首页",
            "走进某区 | 商会概况 | 信息动态 | 会员之窗 | 服务平台 | 参政议政 | 政策法规 | 党建工作",
            "2031年某区政府工作报告",
            "  • 听全文",
            "  • 2031-03-16",
            "  • 来源:某某区",
            "  • 分享到",
            "——2031年2月24日在某某区第三届人民代表大会第七次会议上",
            "2031-02-24",
            "各位代表:现在,我代表区人民政府向大会报告工作,请予审议。",
        ];
        let (v, h) = classify(&lines);
        let kept: Vec<&str> = (lines.iter().zip(&v))
            .filter(|(_, d)| **d == Drop::Keep)
            .map(|(l, _)| *l)
            .collect();
        // A date in figures after the meeting line is the delivery's.
        assert_eq!(kept, [lines[2], lines[7], lines[8], lines[9]]);
        assert_eq!(h.published, Some(Ymd::full(2031, 3, 16)));
        assert_eq!(h.source.as_deref(), Some("某某区"));
        assert!(is_menu(lines[1]));
        assert!(!is_menu("权威发布|关于某区2031年政府工作报告"));
    }

    #[test]
    fn a_disclosure_page_copied_cell_by_cell() {
        // A disclosure catalogue's keys alone over their values (one empty),
        // the platform's menu and name, a breadcrumb over its channel.
        let lines = [
            "无障碍    长者助手 我的收藏   收藏",
            "政府信息公开 规章库",
            "深圳市某某区人民政府信息公开",
            "您当前所在位置: 首页>会议文件",
            "会议文件",
            "索引号",
            "",
            "11F/2030-00123",
            "信息名称",
            "某某区2030年政府工作报告",
            "文号",
            "生成日期",
            "2030年1月28日",
            "公开日期",
            "2030年2月3日",
            "关键词",
            "2030年 政府工作报告",
            "【打印】 【字体:",
            "《某某区2030年政府工作报告》由会员分享,可在线阅读,更多相关《某某区2030年政府工作报告》请在某某文档上搜索。",
            "某某区2030年政府工作报告",
            "各位代表:现在,我代表区人民政府向大会报告工作,请予审议。",
        ];
        let (v, h) = classify(&lines);
        let kept: Vec<&str> = (lines.iter().zip(&v))
            .filter(|(l, d)| **d == Drop::Keep && !l.is_empty())
            .map(|(l, _)| *l)
            .collect();
        // (The platform's name goes with the head, as a site's name.)
        assert_eq!(kept, [lines[2], lines[19], lines[20]]);
        assert!(is_site_name(lines[2]));
        assert_eq!(
            h.published,
            Some(Ymd::full(2030, 2, 3)),
            "the publication, not the writing"
        );
        assert_eq!(h.title.as_deref(), Some("某某区2030年政府工作报告"));
        // A breadcrumb ending in the page's title: the title under it stays.
        let lines = [
            "某某文库 > 工作报告 > 某某区政府工作报告",
            "某某区政府工作报告",
            "各位代表:现在,我代表区人民政府向大会报告工作,请予审议。",
        ];
        let (v, _) = classify(&lines);
        assert_eq!((v[0], v[1]), (Drop::Furniture, Drop::Keep));
        // The writing's date, then the publication's: the publication dates
        // the page; a paper's page line is not replaced by a date further on.
        let lines = [
            "成文日期",
            "2030年1月28日",
            "发布日期",
            "2030年2月3日",
            "各位代表:现在,我代表区人民政府向大会报告工作,请予审议。",
        ];
        assert_eq!(classify(&lines).1.published, Some(Ymd::full(2030, 2, 3)));
        let lines = [
            "人民日报 2030年3月13日 第4版",
            "各位代表:现在,我代表区人民政府向大会报告工作,请予审议。",
            "某某会议召开 发布时间:2031-05-01",
        ];
        assert_eq!(classify(&lines).1.published, Some(Ymd::full(2030, 3, 13)));
        // A table of the report set cell by cell keeps its keys.
        let lines = [
            "各位代表:现在,我代表区人民政府向大会报告工作,请予审议。",
            "序号",
            "名称",
            "投资额",
            "备注",
            "全年完成投资目标任务,经济运行保持平稳。",
        ];
        let (v, h) = classify(&lines);
        assert!(v.iter().all(|&d| d == Drop::Keep), "{v:?}");
        assert_eq!(h.title, None);
        // One key alone is a word of the text (`关键词` over a list).
        let lines = [
            "关键词",
            "创新 协调 绿色",
            "各位代表:现在,我代表区人民政府向大会报告工作,请予审议。",
        ];
        let (v, _) = classify(&lines);
        assert_eq!(v[0], Drop::Keep);
    }

    #[test]
    fn time_stamps_date_the_page() {
        for (line, iso) in [
            ("2022年03月25日 16:08 来源:某市政府网", "2022-03-25"),
            ("某某政府门户网站 2021-02-25 10:39:05 来源:", "2021-02-25"),
            ("• 2016-03-02 10:35", "2016-03-02"),
            ("2021-03-05 16:14 来源: 本网", "2021-03-05"),
            ("深圳特区报/2024 年/2 月/7 日/第 A01 版", "2024-02-07"),
            ("人民日报 2021年3月13日 第4版", "2021-03-13"),
            (
                "发表于 2022-5-31 14:19:23 | 显示全部楼层 |阅读模式",
                "2022-05-31",
            ),
            ("發表於 2022年5月31日 14:19", "2022-05-31"),
            ("2021-10-21 来源:南方日报", "2021-10-21"),
            ("2021年10月21日 来源: 深圳特区报", "2021-10-21"),
            ("来源:南方日报 2021-10-21", "2021-10-21"),
        ] {
            let mut h = PageHeader::default();
            assert!(read_header(&fold(line), &mut h), "{line}");
            assert_eq!(h.published.map(|d| d.iso()).as_deref(), Some(iso), "{line}");
        }
        for line in [
            "全年共接待游客12:30万人次",
            "会议于9:30召开",
            "2016年3月 10:35",
        ] {
            assert_eq!(stamped_date(&fold(line)), None, "{line}");
        }
        for (line, iso) in [
            ("深圳梦 2021-10-08", "2021-10-08"),
            ("Shenzhen 2021年10月8日", "2021-10-08"),
        ] {
            let page = [
                line,
                "政府工作报告",
                "现在,我代表区人民政府向大会作工作报告,请予审议。",
            ];
            let (verdict, h) = classify(&page);
            assert_eq!(verdict[0], Drop::Header, "{line}");
            assert_eq!(h.published.map(|d| d.iso()).as_deref(), Some(iso), "{line}");
            // In the text, past a page's first lines, it is the text's.
            let mut body = vec![page[2]; 12];
            body.push(line);
            let (verdict, h) = classify(&body);
            assert_eq!((verdict[12], h.published), (Drop::Keep, None), "{line}");
        }
        for line in [
            "截至 2021年10月",
            "全区共有企业 2021家",
            "一、2021年10月8日 召开",
            "开工时间 2021年3月1日",
        ] {
            assert_eq!(byline_date(&fold(line)), None, "{line}");
        }
    }

    #[test]
    fn a_date_is_a_source_line_s_only_beside_the_source_alone() {
        for line in [
            "2021-10-21 来源不明的资金",
            "来源:南方日报 2021年10月",
            "来源:南方日报 2021-10-21 作者:张三",
            "截至2021-10-21 来源:本网",
            "资金来源:2021年10月21日拨付的专项资金和社会资本共同投入的项目",
            "来源:区统计局,截至2021年12月31日",
            "2021-10-21 来源:南方日报 作者:张三",
        ] {
            assert_eq!(sourced_date(&fold(line)), None, "{line}");
        }
        // Nor is a clause's date with its hour a page's time stamp.
        for line in [
            "会议于2022年1月5日 9:30召开",
            "报名截止时间为2022年1月5日 17:00",
        ] {
            assert_eq!(stamped_date(&fold(line)), None, "{line}");
        }
    }

    #[test]
    fn junk_a_pdf_copy_ends_its_lines_with() {
        let mut page = vec![
            "政 府 工 作 报 告1No",
            "2020年1月9日在某市第十二届人民代表大会第七次会议上1No",
            "某市市长 某某1No",
            "各位代表:1No",
            "现在,我代表市人民政府,向大会报告工作,请予审议,并请政协各位委员和其他",
            "列席人员提出意见。1No",
            "2019年工作回顾1No",
            "过去一年,我们坚持稳中求进,全市生产总值增长7%,",
            "人均GDP",
            "超过10万元。",
        ];
        assert_eq!(line_end_junk(page.iter().copied()).as_deref(), Some("1No"));
        // Acronyms and numbers ending lines are the text's own.
        page.retain(|l| !l.ends_with("1No"));
        page.extend(["全市GDP", "增长GDP", "人均GDP", "突破GDP", "达到2020"]);
        assert_eq!(line_end_junk(page.iter().copied()), None);
    }

    #[test]
    fn page_numbers_on_their_own_line() {
        for line in [
            "- 2 -",
            "—3—",
            "－ 12 －",
            "第 4 页",
            "第4页 共30页",
            "第4页,共30页",
            "共30页 第4页",
            "5/30",
            "第5/30页",
            "Page 6 of 30",
            "page 7",
            "-- 1 of 21 --",
        ] {
            assert!(is_page_number(&fold(line)), "{line}");
        }
        for line in [
            "2",
            "-",
            "第二部分",
            "第4页的内容",
            "30/5",
            "0/3",
            "1/2",
            "2019/2020",
            "— 2020 —",
            "2020/21",
            "-2.5-",
            "—— 2021年",
        ] {
            assert!(!is_page_number(&fold(line)), "{line}");
        }
    }

    #[test]
    fn bare_numbers_counting_pages_are_furniture() {
        let page = "一年来我们推进各项工作经济运行平稳向好".repeat(12);
        let lines = [
            page.as_str(),
            "1",
            page.as_str(),
            "2",
            page.as_str(),
            "3",
            page.as_str(),
        ];
        let (v, _) = classify(&lines);
        assert_eq!(
            v.iter().filter(|&&d| d == Drop::Furniture).count(),
            3,
            "{v:?}"
        );
        // A table's row numbers count up with little between them.
        let lines = [
            page.as_str(),
            "序号",
            "1",
            "罗湖",
            "2",
            "福田",
            "3",
            "南山",
            page.as_str(),
        ];
        let (v, _) = classify(&lines);
        assert!(v.iter().all(|&d| d == Drop::Keep), "{v:?}");
        // One lone number is no run.
        let lines = [page.as_str(), "7", page.as_str()];
        assert!(classify(&lines).0.iter().all(|&d| d == Drop::Keep));
    }

    #[test]
    fn jump_marks_are_found_in_a_line() {
        let line = "确定的目标任务。(下转05版)(上接01版)(一)经济发展强劲";
        let cut: Vec<String> = (jump_marks(line).iter())
            .map(|&(a, b)| line.chars().skip(a).take(b - a).collect())
            .collect();
        assert_eq!(cut, ["(下转05版)", "(上接01版)"]);
        for other in ["(转第二版)", "(下轉第A3版)", "(接第 2 页)", "(紧接1版)"] {
            assert_eq!(jump_marks(other), [(0, other.chars().count())], "{other}");
        }
        for text in [
            "(一)",
            "(转载)",
            "(2版)",
            "(接下来)",
            "(下转版)",
            "(转A版)",
            "(下转05版",
        ] {
            assert!(jump_marks(text).is_empty(), "{text}");
        }
    }
}
