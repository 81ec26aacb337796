//! The view state that lives in the URL query string — a public API: every screen
//! can be shared, bookmarked and embedded, so parameters keep their names and
//! meanings. Parsing is forgiving (unknown or malformed values fall back to the
//! defaults); writing is canonical (defaults are left out, so URLs stay short).
//!
//! Pure functions, no browser: the app feeds `location.search` in and pushes the
//! result of [`ViewState::to_query`] to the history.

use crate::model::DocKind;
use crate::query::Filter;

/// Interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn id(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// The views of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Indicators,
    Keywords,
    Contexts,
    Reader,
    Figures,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Indicators,
        View::Keywords,
        View::Contexts,
        View::Reader,
        View::Figures,
    ];

    pub fn id(self) -> &'static str {
        match self {
            View::Indicators => "indicators",
            View::Keywords => "keywords",
            View::Contexts => "contexts",
            View::Reader => "reader",
            View::Figures => "figures",
        }
    }

    pub fn from_id(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == s)
    }
}

/// Colour theme of an embed (the full app follows the system setting).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything a screen shows, as the URL says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    pub lang: Lang,
    pub view: View,
    pub filter: Filter,
    /// Indicator catalog id for the indicator chart.
    pub indicator: Option<String>,
    /// Chart growth rates instead of levels (`measure=growth`).
    pub growth: bool,
    /// Terms chosen for the trend chart and the concordance (at most five).
    pub terms: Vec<String>,
    /// Whether policy boilerplate counts as keywords (`boilerplate=on`); off by
    /// default.
    pub boilerplate: bool,
    /// The reader's own stopwords.
    pub stop: Vec<String>,
    /// The document the reader shows (default: the first selected document).
    pub read: Option<String>,
    /// The sentence the reader scrolls to and marks.
    pub sentence: Option<String>,
    /// Reader text in simplified script instead of the document's own.
    pub simplified: bool,
    pub embed: bool,
    pub theme: Theme,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            lang: Lang::Zh,
            view: View::Indicators,
            filter: Filter::default(),
            indicator: None,
            growth: false,
            terms: Vec::new(),
            boilerplate: false,
            stop: Vec::new(),
            read: None,
            sentence: None,
            simplified: false,
            embed: false,
            theme: Theme::Auto,
        }
    }
}

/// The most terms a trend chart draws.
pub const MAX_TERMS: usize = 5;
/// Longest free-text query kept from a URL, in characters.
const MAX_Q: usize = 100;

/// Decodes `%XX` escapes and `+` of an `application/x-www-form-urlencoded` value;
/// malformed escapes are kept literally.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a value for a query string: unreserved ASCII as is, everything else
/// (Chinese included) as UTF-8 `%XX`; commas are kept, they separate list items.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

fn list(v: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !out.iter().any(|x| x == item) {
            out.push(item.to_string());
        }
    }
    out
}

fn year(v: &str) -> Option<i32> {
    v.trim().parse().ok().filter(|y| (1949..=2100).contains(y))
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`).
    pub fn from_query(query: &str) -> ViewState {
        let mut s = ViewState::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(v);
            match k {
                "lang" => {
                    s.lang = match v.as_str() {
                        "en" => Lang::En,
                        _ => Lang::Zh,
                    }
                }
                "view" => s.view = View::from_id(&v).unwrap_or_default(),
                "district" => s.filter.districts = list(&v),
                "from" => s.filter.from = year(&v),
                "to" => s.filter.to = year(&v),
                "kind" => {
                    s.filter.kinds = list(&v)
                        .iter()
                        .filter_map(|k| DocKind::from_id(k))
                        .collect()
                }
                "doc" => s.filter.docs = list(&v),
                "q" => s.filter.q = v.trim().chars().take(MAX_Q).collect(),
                "indicator" => s.indicator = Some(v.trim().to_string()).filter(|x| !x.is_empty()),
                "measure" => s.growth = v == "growth",
                "terms" => {
                    s.terms = list(&v);
                    s.terms.truncate(MAX_TERMS);
                }
                "boilerplate" => s.boilerplate = v == "on",
                "stop" => s.stop = list(&v),
                "read" => s.read = Some(v.trim().to_string()).filter(|x| !x.is_empty()),
                "sentence" => s.sentence = Some(v.trim().to_string()).filter(|x| !x.is_empty()),
                "script" => s.simplified = v == "simplified",
                "embed" => s.embed = v == "1" || v == "true",
                "theme" => {
                    s.theme = match v.as_str() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::Auto,
                    }
                }
                _ => {}
            }
        }
        if let (Some(f), Some(t)) = (s.filter.from, s.filter.to) {
            if f > t {
                s.filter.from = Some(t);
                s.filter.to = Some(f);
            }
        }
        s
    }

    /// The canonical query string, `?`-prefixed, or empty when everything is
    /// default.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if self.lang != Lang::Zh {
            parts.push(("lang", self.lang.id().into()));
        }
        if self.view != View::Indicators {
            parts.push(("view", self.view.id().into()));
        }
        if !self.filter.districts.is_empty() {
            parts.push(("district", self.filter.districts.join(",")));
        }
        if let Some(f) = self.filter.from {
            parts.push(("from", f.to_string()));
        }
        if let Some(t) = self.filter.to {
            parts.push(("to", t.to_string()));
        }
        if !self.filter.kinds.is_empty() {
            let kinds: Vec<&str> = self.filter.kinds.iter().map(|k| k.id()).collect();
            parts.push(("kind", kinds.join(",")));
        }
        if !self.filter.docs.is_empty() {
            parts.push(("doc", self.filter.docs.join(",")));
        }
        if !self.filter.q.is_empty() {
            parts.push(("q", self.filter.q.clone()));
        }
        if let Some(i) = &self.indicator {
            parts.push(("indicator", i.clone()));
        }
        if self.growth {
            parts.push(("measure", "growth".into()));
        }
        if !self.terms.is_empty() {
            parts.push(("terms", self.terms.join(",")));
        }
        if self.boilerplate {
            parts.push(("boilerplate", "on".into()));
        }
        if !self.stop.is_empty() {
            parts.push(("stop", self.stop.join(",")));
        }
        if let Some(r) = &self.read {
            parts.push(("read", r.clone()));
        }
        if let Some(s) = &self.sentence {
            parts.push(("sentence", s.clone()));
        }
        if self.simplified {
            parts.push(("script", "simplified".into()));
        }
        if self.embed {
            parts.push(("embed", "1".into()));
        }
        if self.theme != Theme::Auto {
            parts.push(("theme", self.theme.id().into()));
        }
        if parts.is_empty() {
            return String::new();
        }
        let body: Vec<String> = parts
            .into_iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(&v)))
            .collect();
        format!("?{}", body.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_parameter() {
        let q = "?lang=en&view=figures&district=%E7%A6%8F%E7%94%B0%E5%8C%BA,%E7%BD%97%E6%B9%96%E5%8C%BA&from=2013&to=2015&kind=work_report&doc=000_x&q=%E5%9F%8E%E5%B8%82&indicator=gdp&measure=growth&terms=%E6%B0%91%E7%94%9F&boilerplate=on&stop=%E5%BB%BA%E8%AE%BE&read=000_x&sentence=p3.1&script=simplified&embed=1&theme=dark";
        let s = ViewState::from_query(q);
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.view, View::Figures);
        assert_eq!(s.filter.districts, vec!["福田区", "罗湖区"]);
        assert_eq!((s.filter.from, s.filter.to), (Some(2013), Some(2015)));
        assert_eq!(s.filter.kinds, vec![DocKind::WorkReport]);
        assert_eq!(s.filter.q, "城市");
        assert_eq!(s.indicator.as_deref(), Some("gdp"));
        assert!(s.boilerplate && s.embed && s.simplified);
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.to_query(), q);
        assert_eq!(ViewState::from_query(&s.to_query()), s);
    }

    #[test]
    fn malformed_values_fall_back_to_defaults() {
        let s = ViewState::from_query("view=nope&from=abc&to=99999&kind=zzz&lang=fr&%ZZ=1&q=%E4%");
        assert_eq!(s.view, View::Indicators);
        assert_eq!(s.filter.from, None);
        assert_eq!(s.filter.to, None);
        assert!(s.filter.kinds.is_empty());
        assert_eq!(s.lang, Lang::Zh);
        assert_eq!(ViewState::from_query(""), ViewState::default());
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn reversed_year_range_is_swapped_and_terms_are_capped() {
        let s = ViewState::from_query("from=2020&to=2014&terms=a,b,c,d,e,f,a");
        assert_eq!((s.filter.from, s.filter.to), (Some(2014), Some(2020)));
        assert_eq!(s.terms.len(), MAX_TERMS);
    }
}
