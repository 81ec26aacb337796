//! One-byte-misaligned GBK mojibake (see `shared/SEEDS.md`): finding a run, and
//! undoing it by re-encoding, restoring the lost byte and pairing the bytes again.
//!
//! A run starts at a `?` standing for a lost byte. Each character after it is the
//! trail byte of one original character plus the lead byte of the next, so its
//! GBK bytes must be `>= 0x80` then `>= 0x81`; folded full-width forms inside it
//! are unfolded first. The run ends at an ASCII trail byte (`r` of 時 `95 72`), at a
//! `?` that swallowed the last trail byte, or where no character fits. Pairs that
//! decoded to a user-defined or unassigned code were dropped, so between any two
//! characters a gap of two bytes may hide (the trail of one original character and
//! the lead of the next) — the pair they form must be one that would be dropped,
//! which leaves few candidates. A beam search over these choices, scored by
//! [`CharModel`], picks the reading; a character whose choice does not win by a
//! clear margin becomes [`UNKNOWN_CHAR`].
//!
//! Owns runs only; the lone lost `?` and pinyin live in `clean`.

use super::charmodel::{norm, CharModel, EDGE};
use super::pinyin;
use crate::model::{Script, UNKNOWN_CHAR};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Margin (natural log) by which a chosen character must beat its best rival.
const CONFIDENT: f64 = 2.5;
/// Most characters a run may span.
const MAX_UNITS: usize = 400;
const BEAM: usize = 24;
/// Gap fillings tried per hypothesis, best first by a context-free score.
const GAP_CANDIDATES: usize = 48;
/// The lost byte is nearly always the lead `A1` of `　` or `。`.
const LOST_A1: f64 = -0.1;
const LOST_OTHER: f64 = -12.0;
/// A dropped pair is an event of about one in twenty boundaries.
const GAP_PRIOR: f64 = -3.0;

/// Every GBK pair's character, or `None` when the decoder would drop it
/// (unmapped, or mapped to the private-use area).
fn pair_table() -> &'static [Option<char>] {
    static T: OnceLock<Vec<Option<char>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = vec![None; 65536];
        let mut dec = String::new();
        for lead in 0x81u8..=0xFE {
            for trail in 0x40u8..=0xFE {
                // The sites decoded with the older CP936 table: the GB18030
                // additions encoding_rs knows (row FE low half, A989–A995, A8BF,
                // A2E3) were dropped there like user-defined codes.
                let cp936_gap = (lead == 0xFE && trail < 0xA1)
                    || (lead == 0xA9 && (0x89..=0x95).contains(&trail))
                    || (lead, trail) == (0xA8, 0xBF)
                    || (lead, trail) == (0xA2, 0xE3);
                if trail == 0x7F || cp936_gap {
                    continue;
                }
                let bytes = [lead, trail];
                let (s, bad) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
                dec.clear();
                dec.push_str(&s);
                let mut cs = dec.chars();
                if let (false, Some(c), None) = (bad, cs.next(), cs.next()) {
                    if !('\u{E000}'..='\u{F8FF}').contains(&c) && c != UNKNOWN_CHAR {
                        t[(lead as usize) << 8 | trail as usize] = Some(c);
                    }
                }
            }
        }
        t
    })
}

/// The character a GBK pair decodes to, if it survives decoding.
pub fn pair(lead: u8, trail: u8) -> Option<char> {
    pair_table()[(lead as usize) << 8 | trail as usize]
}

/// The two GBK bytes of a character, when it has exactly two.
pub fn gbk2(c: char) -> Option<[u8; 2]> {
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    let (b, _, bad) = encoding_rs::GBK.encode(s);
    (!bad && b.len() == 2 && pair(b[0], b[1]) == Some(c)).then(|| [b[0], b[1]])
}

/// The bytes a run character stood for before the page was width-folded.
fn unit_bytes(c: char) -> Option<[u8; 2]> {
    match c {
        ' ' => Some([0xA1, 0xA1]),
        '!'..='~' => gbk2(char::from_u32(c as u32 + 0xFEE0)?),
        _ => gbk2(c),
    }
}

/// How a run ends.
#[derive(Clone, Copy, Debug, PartialEq)]
enum End {
    /// An ASCII trail byte.
    Trail(u8),
    /// The last trail byte is lost.
    Lost,
}

/// A run as read from the text, before decoding.
#[derive(Debug)]
struct Template {
    units: Vec<[u8; 2]>,
    end: End,
    /// Chars consumed from the `?` on.
    len: usize,
    /// A cut pinyin annotation (`yōu)`) was skipped.
    leftovers: u32,
}

fn read_template(chars: &[char], start: usize) -> Option<Template> {
    let mut i = start + 1;
    let mut leftovers = 0;
    if let Some(n) = pinyin::leftover_len(chars, i) {
        i += n;
        leftovers += 1;
    }
    let mut units = Vec::new();
    let end = loop {
        let Some(&c) = chars.get(i) else {
            break End::Lost;
        };
        if units.len() >= MAX_UNITS {
            return None;
        }
        match c {
            '\n' | '\r' => break End::Lost,
            '?' => {
                // `？` folded, unless the text falls back into step right after it.
                let next = chars.get(i + 1).copied();
                let in_step = match next.and_then(unit_bytes) {
                    None => true,
                    Some(b) => b[0] == 0xA1 || next.is_some_and(|n| n.is_ascii()),
                };
                i += 1;
                if in_step {
                    if let Some(n) = pinyin::leftover_len(chars, i) {
                        i += n;
                        leftovers += 1;
                    }
                    break End::Lost;
                }
                units.push([0xA3, 0xBF]);
                continue;
            }
            '@'..='~' => {
                i += 1;
                break End::Trail(c as u8);
            }
            _ => match unit_bytes(c) {
                Some(b) if b[0] >= 0x80 && b[1] >= 0x81 => units.push(b),
                _ => break End::Lost,
            },
        }
        i += 1;
    };
    let cjk_units = chars[start + 1..i].iter().any(|c| !c.is_ascii());
    (cjk_units && !units.is_empty()).then_some(Template {
        units,
        end,
        len: i - start,
        leftovers,
    })
}

/// One decoded character of a run: where it sits (the boundary index between
/// run characters it was formed at) and whether lost bytes went into it (after
/// decoding: whether it is still in doubt).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Out {
    at: u16,
    c: char,
    guessed: bool,
}

#[derive(Clone)]
struct Hyp {
    score: f64,
    prev: char,
    pending: u8,
    out: Vec<Out>,
    /// Per boundary: how far ahead of its best rival this hypothesis is.
    margin: HashMap<u16, f64>,
}

/// A run undone: its characters, and whether each is a confident recovery.
pub struct Decoded {
    /// Chars consumed from the `?` on.
    pub len: usize,
    /// Each output character; `None` where it could not be recovered.
    pub chars: Vec<Option<char>>,
    pub leftovers: u32,
}

/// Candidate fillings of a gap between a pending lead `p` and the next known
/// lead-position byte `a`: (first char, second char, context-free score).
type Fillings = Vec<(char, char, f64)>;

struct Decoder<'m> {
    model: &'m CharModel,
    script: Script,
    gaps: HashMap<(u8, u8), Fillings>,
}

/// A character only the other script uses is nearly never what a page held.
const OFF_SCRIPT: f64 = -6.0;

impl Decoder<'_> {
    fn off_script(&self, c: char) -> f64 {
        Decoder::off_script_in(self.script, c)
    }

    fn off_script_in(script: Script, c: char) -> f64 {
        match script {
            Script::Traditional if super::is_simplified_only(c) => OFF_SCRIPT,
            Script::Simplified if super::simplify_char(c) != c => OFF_SCRIPT,
            _ => 0.0,
        }
    }

    fn fillings(&mut self, p: u8, a: u8) -> &Fillings {
        let model = self.model;
        let script = self.script;
        let off = move |c: char| Decoder::off_script_in(script, c);
        self.gaps.entry((p, a)).or_insert_with(|| {
            let mut v = Vec::new();
            for t in 0x80u8..=0xFE {
                let Some(c1) = pair(p, t) else { continue };
                if t < 0x81 {
                    continue;
                }
                for l in 0x81u8..=0xFE {
                    if pair(t, l).is_some() {
                        continue;
                    }
                    let Some(c2) = pair(l, a) else { continue };
                    let s = model.logp(EDGE, norm(c1))
                        + model.logp(norm(c1), norm(c2))
                        + off(c1)
                        + off(c2);
                    v.push((c1, c2, s));
                }
            }
            v.sort_by(|x, y| y.2.total_cmp(&x.2));
            v.truncate(GAP_CANDIDATES);
            v
        })
    }

    fn decode(&mut self, tpl: &Template, left: char, right: char) -> Option<Vec<Out>> {
        let model = self.model;
        let mut beam: Vec<Hyp> = (0x81u8..=0xFE)
            .map(|l| Hyp {
                score: if l == 0xA1 { LOST_A1 } else { LOST_OTHER },
                prev: norm(left),
                pending: l,
                out: Vec::new(),
                margin: HashMap::new(),
            })
            .collect();
        for (k, &[a, b]) in tpl.units.iter().enumerate() {
            let at = k as u16;
            let mut next: Vec<Hyp> = Vec::new();
            for h in &beam {
                // No gap: the pending lead pairs with `a`.
                if let Some(c) = pair(h.pending, a) {
                    let mut n = h.clone();
                    n.score += model.logp(h.prev, norm(c)) + self.off_script(c);
                    n.prev = norm(c);
                    n.out.push(Out {
                        at,
                        c,
                        guessed: k == 0,
                    });
                    n.pending = b;
                    next.push(n);
                }
                // A dropped pair hid the trail of one char and the lead of the next;
                // at the very start only after the usual lost byte.
                if k == 0 && h.pending != 0xA1 {
                    continue;
                }
                let fills = self.fillings(h.pending, a).clone();
                for (c1, c2, _) in fills {
                    let mut n = h.clone();
                    let (n1, n2) = (norm(c1), norm(c2));
                    n.score += GAP_PRIOR
                        + model.logp(h.prev, n1)
                        + model.logp(n1, n2)
                        + self.off_script(c1)
                        + self.off_script(c2);
                    n.prev = n2;
                    n.out.push(Out {
                        at,
                        c: c1,
                        guessed: true,
                    });
                    n.out.push(Out {
                        at,
                        c: c2,
                        guessed: true,
                    });
                    n.pending = b;
                    next.push(n);
                }
            }
            beam = prune(next);
            if beam.is_empty() {
                return None;
            }
        }
        let at = tpl.units.len() as u16;
        let mut next = Vec::new();
        for h in &beam {
            let trails: Vec<(u8, bool)> = match tpl.end {
                End::Trail(t) => vec![(t, false)],
                End::Lost => (0x40u8..=0xFE).map(|t| (t, true)).collect(),
            };
            for (t, guessed) in trails {
                if let Some(c) = pair(h.pending, t) {
                    let mut n = h.clone();
                    n.score += model.logp(h.prev, norm(c))
                        + model.logp(norm(c), norm(right))
                        + self.off_script(c);
                    n.out.push(Out { at, c, guessed });
                    next.push(n);
                }
            }
        }
        let beam = prune(next);
        let best = beam.first()?;
        Some(
            best.out
                .iter()
                .map(|o| Out {
                    guessed: o.guessed && best.margin.get(&o.at).is_some_and(|&m| m < CONFIDENT),
                    ..*o
                })
                .collect(),
        )
    }
}

/// Keeps the best hypothesis per state and the best [`BEAM`] states, noting in
/// each survivor how close its rivals came at the boundaries where they differ.
fn prune(mut hyps: Vec<Hyp>) -> Vec<Hyp> {
    hyps.sort_by(|x, y| y.score.total_cmp(&x.score));
    let mut kept: Vec<Hyp> = Vec::new();
    for h in hyps {
        // Rivals: same future (same state), or anything close to the best overall.
        let rival_of = kept
            .iter()
            .position(|k| k.pending == h.pending && k.prev == h.prev)
            .or_else(|| (kept.len() >= BEAM).then_some(0));
        match rival_of {
            Some(i) => {
                let gap = kept[i].score - h.score;
                if gap < CONFIDENT {
                    note_rival(&mut kept[i], &h, gap);
                    if i != 0 && kept[0].score - h.score < CONFIDENT {
                        let g0 = kept[0].score - h.score;
                        note_rival(&mut kept[0], &h, g0);
                    }
                }
            }
            None => kept.push(h),
        }
    }
    // Rivals still in the beam count too, for the best one.
    if let Some((best, rest)) = kept.split_first_mut() {
        for r in rest.iter() {
            let gap = best.score - r.score;
            if gap < CONFIDENT {
                let r = r.clone();
                note_rival(best, &r, gap);
            }
        }
    }
    kept
}

fn note_rival(winner: &mut Hyp, rival: &Hyp, gap: f64) {
    let chars_at = |h: &Hyp, at: u16| -> Vec<char> {
        h.out.iter().filter(|o| o.at == at).map(|o| o.c).collect()
    };
    let mut ats: Vec<u16> = winner.out.iter().map(|o| o.at).collect();
    ats.dedup();
    for at in ats {
        if chars_at(winner, at) != chars_at(rival, at) {
            let m = winner.margin.entry(at).or_insert(f64::INFINITY);
            *m = m.min(gap);
        }
    }
}

/// Tries to read a run at `chars[start]` (a `?`); returns it only when the
/// decoded text reads clearly better than the characters as they stand.
pub fn undo_run(
    chars: &[char],
    start: usize,
    model: &CharModel,
    script: Script,
) -> Option<Decoded> {
    let tpl = read_template(chars, start)?;
    let left = if start == 0 { EDGE } else { chars[start - 1] };
    let right = chars.get(start + tpl.len).copied().unwrap_or(EDGE);
    let mut dec = Decoder {
        model,
        script,
        gaps: HashMap::new(),
    };
    let out = dec.decode(&tpl, left, right)?;
    // The `?` is part of what the text as it stands must explain.
    let as_is: Vec<char> = chars[start..start + tpl.len].to_vec();
    let decoded: Vec<char> = out.iter().map(|o| o.c).collect();
    let plain = model.mean_logp(left, &as_is, right);
    let fixed = model.mean_logp(left, &decoded, right);
    if fixed <= plain {
        return None;
    }
    Some(Decoded {
        len: tpl.len,
        chars: out.iter().map(|o| (!o.guessed).then_some(o.c)).collect(),
        leftovers: tpl.leftovers,
    })
}

/// How much better `line` reads re-paired as mojibake from its first character on
/// than as it stands (positive: it looks like an unrepaired run).
pub fn mojibake_gain(chars: &[char], model: &CharModel, script: Script) -> Option<f64> {
    let mut with_q = vec!['?'];
    with_q.extend_from_slice(chars);
    let tpl = read_template(&with_q, 0)?;
    let right = with_q.get(tpl.len).copied().unwrap_or(EDGE);
    let mut dec = Decoder {
        model,
        script,
        gaps: HashMap::new(),
    };
    let out = dec.decode(&tpl, EDGE, right)?;
    let decoded: Vec<char> = out.iter().map(|o| o.c).collect();
    let as_is = &with_q[1..tpl.len];
    Some(model.mean_logp(EDGE, &decoded, right) - model.mean_logp(EDGE, as_is, right))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_follow_cp936() {
        assert_eq!(pair(0xA1, 0xA1), Some('\u{3000}'));
        assert_eq!(pair(0x95, 0x72), Some('時'));
        assert_eq!(pair(0xAF, 0xA1), None, "user-defined area");
        assert_eq!(pair(0xA9, 0x8F), None, "GB18030 addition");
    }

    #[test]
    fn ordinary_text_is_no_template() {
        let s: Vec<char> = "a.php?id=3".chars().collect();
        assert!(read_template(&s, 5).is_none());
    }
}
