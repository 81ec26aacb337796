//! A synthetic corpus for the scale budget (issue 7): `N` documents (default 500,
//! 100× the five seeds) written as `.txt` files into a directory, for the real
//! pipeline to bundle (`baogao bundle --out … DIR/*.txt`). Used by `scripts/scale`.
//!
//! Each document takes the header lines of one seed (round robin, so the scripts and
//! the damage of the seeds — traditional characters, mojibake — recur in their
//! proportions) and a body recombined from seed paragraphs of the same script, then
//! moves it to one of the ten Shenzhen districts and a year in 2000–2025 by plain
//! text substitution: district names, and every year written before 年, a date dash
//! or a range dash, shifted by the same offset. Deterministic (a fixed LCG), so runs
//! compare.
//!
//!   cargo run --release --example synth -- OUT_DIR [--docs 500] [--seeds seeds]

use std::fs;
use std::path::{Path, PathBuf};

/// The ten districts of Shenzhen (simplified, traditional).
const DISTRICTS: [(&str, &str); 10] = [
    ("福田", "福田"),
    ("罗湖", "羅湖"),
    ("南山", "南山"),
    ("盐田", "鹽田"),
    ("宝安", "寶安"),
    ("龙岗", "龍崗"),
    ("龙华", "龍華"),
    ("坪山", "坪山"),
    ("光明", "光明"),
    ("大鹏", "大鵬"),
];
/// The district names the seeds mention, replaced by the synthetic document's.
const SEED_DISTRICTS: [&str; 4] = ["罗湖", "羅湖", "福田", "福田"];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Seed {
    header: Vec<String>,
    body: Vec<String>,
    traditional: bool,
    year: i32,
}

/// A seed's own year: the most frequent year before 年 in its first lines.
fn seed_year(text: &str) -> i32 {
    let head: String = text.chars().take(400).collect();
    let mut best = (0, 2014);
    for y in 2000..=2030 {
        let n = head.matches(&format!("{y}年")).count();
        if n > best.0 {
            best = (n, y);
        }
    }
    best.1
}

fn read_seed(path: &Path) -> Option<Seed> {
    let text = fs::read_to_string(path).ok()?;
    let lines: Vec<String> = text.lines().map(|l| l.to_string()).collect();
    // The header: up to the salutation, or the first few lines.
    let cut = lines
        .iter()
        .position(|l| l.contains("各位代表"))
        .map(|i| i + 1)
        .unwrap_or(4)
        .min(lines.len());
    let header = lines[..cut].to_vec();
    let body: Vec<String> = lines[cut..]
        .iter()
        .filter(|l| l.trim().chars().count() >= 12)
        .cloned()
        .collect();
    let traditional = ["區", "會", "發", "與", "經"]
        .iter()
        .map(|c| text.matches(c).count())
        .sum::<usize>()
        > 20;
    Some(Seed {
        header,
        body,
        traditional,
        year: seed_year(&text),
    })
}

/// Shifts every year in 1990–2035 written before 年, '-', '—' or '－' by `delta`.
fn shift_years(s: &str, delta: i32) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let is_digits = i + 4 <= chars.len() && chars[i..i + 4].iter().all(|c| c.is_ascii_digit());
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        if is_digits && before_ok {
            let after = chars.get(i + 4).copied();
            let y: i32 = chars[i..i + 4]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            if (1990..=2035).contains(&y) && matches!(after, Some('年' | '-' | '—' | '－' | '至'))
            {
                out.push_str(&(y + delta).to_string());
                i += 4;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn relocate(s: &str, simp: &str, trad: &str) -> String {
    let mut s = s.to_string();
    for (k, from) in SEED_DISTRICTS.iter().enumerate() {
        let to = if k % 2 == 0 { simp } else { trad };
        s = s.replace(from, to);
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out: Option<PathBuf> = None;
    let mut docs = 500usize;
    let mut seeds_dir = PathBuf::from("seeds");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--docs" => docs = it.next().and_then(|n| n.parse().ok()).expect("--docs N"),
            "--seeds" => seeds_dir = PathBuf::from(it.next().expect("--seeds DIR")),
            s => out = Some(PathBuf::from(s)),
        }
    }
    let out = out.expect("usage: synth OUT_DIR [--docs N] [--seeds DIR]");
    let paths = baogao::pipeline::report_files(&seeds_dir).expect("seeds directory");
    let seeds: Vec<Seed> = paths.iter().filter_map(|p| read_seed(p)).collect();
    assert!(
        !seeds.is_empty(),
        "no seed .txt files in {}",
        seeds_dir.display()
    );
    fs::create_dir_all(&out).expect("output directory");

    let mut rng = Lcg(0x5eed_ba09);
    let mut bytes = 0usize;
    for i in 0..docs {
        let seed = &seeds[i % seeds.len()];
        let (simp, trad) = DISTRICTS[(i / seeds.len()) % DISTRICTS.len()];
        let year = 2000 + ((i * 7 + i / 26) % 26) as i32;
        let delta = year - seed.year;
        // Paragraphs of the same script, as many as the seed has.
        let pool: Vec<&String> = seeds
            .iter()
            .filter(|s| s.traditional == seed.traditional)
            .flat_map(|s| s.body.iter())
            .collect();
        let n = seed.body.len().max(8);
        let mut text = String::new();
        for line in &seed.header {
            text.push_str(&relocate(&shift_years(line, delta), simp, trad));
            text.push('\n');
        }
        for _ in 0..n {
            let p = pool[rng.below(pool.len())];
            text.push_str(&relocate(&shift_years(p, delta), simp, trad));
            text.push('\n');
        }
        bytes += text.len();
        let name = format!("syn{i:03}_{year}.txt");
        fs::write(out.join(name), text).expect("write");
    }
    eprintln!(
        "synth: wrote {docs} documents ({:.1} MB) to {}",
        bytes as f64 / 1e6,
        out.display()
    );
}
