//! Sentence splitting within one paragraph: on 。!?; (and their full-width forms)
//! and on an ellipsis ……, never inside quotes “…”, 《…》 or brackets; a closing
//! quote right after the final punctuation stays with its sentence and ends it
//! (`…。”`).
//!
//! Only *matched* pairs protect their content, so a stray quote left by damaged
//! text cannot swallow the rest of a paragraph.

const PAIRS: [(char, char); 10] = [
    ('“', '”'),
    ('‘', '’'),
    ('《', '》'),
    ('(', ')'),
    ('（', '）'),
    ('[', ']'),
    ('【', '】'),
    ('「', '」'),
    ('『', '』'),
    ('〔', '〕'),
];

fn is_final(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '！' | '？' | '；')
}

/// Quotes close a quoted sentence; a title mark or bracket after 。 does not end
/// the sentence around it (`《规划。》并落实。`).
fn is_quote_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』')
}

fn is_closer(c: char) -> bool {
    PAIRS.iter().any(|&(_, b)| b == c)
}

/// Per character: nesting depth inside matched pairs (0 = outside all).
fn depths(cs: &[char]) -> Vec<u32> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (i, &c) in cs.iter().enumerate() {
        if let Some(&(_, close)) = PAIRS.iter().find(|&&(o, _)| o == c) {
            stack.push((close, i));
        } else if is_closer(c) {
            // Close the nearest matching opener; openers above it were strays.
            if let Some(k) = stack.iter().rposition(|&(close, _)| close == c) {
                spans.push((stack[k].1, i));
                stack.truncate(k);
            }
        }
    }
    let mut depth = vec![0u32; cs.len()];
    for (a, b) in spans {
        for d in &mut depth[a + 1..b] {
            *d += 1;
        }
    }
    depth
}

/// Splits a text, given as its characters, into sentences; returns character ranges
/// (end exclusive), trimmed of surrounding whitespace, none empty.
pub fn split(cs: &[char]) -> Vec<(usize, usize)> {
    let depth = depths(cs);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let ellipsis = c == '…' && cs.get(i + 1) == Some(&'…');
        if depth[i] == 0 && (is_final(c) || ellipsis) {
            let mut end = i + 1;
            // Runs of final punctuation (。。, ?!, ……) end together.
            while end < cs.len() && (is_final(cs[end]) || cs[end] == '…') {
                end += 1;
            }
            push(cs, start, end, &mut out);
            start = end;
            i = end;
            continue;
        }
        if depth[i] > 0 && is_final(c) {
            // `“…。”`: the sentence ends after the closers that follow, if they bring
            // the text back outside every pair.
            let mut end = i + 1;
            while end < cs.len() && is_quote_closer(cs[end]) {
                end += 1;
            }
            if end > i + 1 && (end == cs.len() || depth[end] == 0) && depth[end - 1] == 0 {
                push(cs, start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(cs, start, cs.len(), &mut out);
    out
}

fn push(cs: &[char], mut a: usize, mut b: usize, out: &mut Vec<(usize, usize)>) {
    while a < b && cs[a].is_whitespace() {
        a += 1;
    }
    while b > a && cs[b - 1].is_whitespace() {
        b -= 1;
    }
    if a < b {
        out.push((a, b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let cs: Vec<char> = s.chars().collect();
        split(&cs)
            .into_iter()
            .map(|(a, b)| cs[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn quotes_stay_whole() {
        assert_eq!(
            texts("他说:“好。很好!”我们走。"),
            vec!["他说:“好。很好!”", "我们走。"]
        );
    }
}
