//! Measuring stemmers on the word-family table (`tests/families.txt`), shared by the
//! `families` test and the `evaluate` example.
#![allow(dead_code)] // the test and the example each use a part

use std::collections::HashMap;

use nass_analysis::{Normalizer, Preset, Stemmer};

/// The families: each a list of forms.
pub fn families() -> Vec<Vec<&'static str>> {
    include_str!("../families.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
        .collect()
}

/// How a stemmer does on the families.
#[derive(Debug, Clone, Copy)]
pub struct Score {
    /// Pairs of forms of one family that meet on one stem.
    pub met: usize,
    /// Pairs of forms of one family.
    pub pairs: usize,
    /// Families whose forms all meet on one stem.
    pub whole: usize,
    /// Pairs of forms of different families that collide on one stem.
    pub collisions: usize,
    /// Pairs of families some forms of which collide on one stem.
    pub family_collisions: usize,
}

impl Score {
    /// `met / pairs`.
    pub fn recall(&self) -> f64 {
        self.met as f64 / self.pairs as f64
    }
}

/// The stemmer with the normalizer that comes before it in its analyzer: `lucene`
/// after the `lucene` preset, `light` and `none` after `search`; Snowball normalizes
/// the word itself and gets it as written.
pub fn stem_with(name: &str) -> impl Fn(&str) -> String {
    let stemmer: Stemmer = name.parse().expect("a stemmer name");
    let normalizer = match name {
        "lucene" => Some(Normalizer::from_preset(Preset::Lucene)),
        "snowball" => None,
        _ => Some(Normalizer::from_preset(Preset::Search)),
    };
    move |w: &str| match &normalizer {
        Some(n) => stemmer.stem(&n.normalize(w)).into_owned(),
        None => stemmer.stem(w).into_owned(),
    }
}

/// Scores `stem` on `families`.
pub fn score(families: &[Vec<&str>], stem: impl Fn(&str) -> String) -> Score {
    let stems: Vec<Vec<String>> = families
        .iter()
        .map(|f| f.iter().map(|w| stem(w)).collect())
        .collect();
    let (mut met, mut pairs, mut whole) = (0, 0, 0);
    for f in &stems {
        for i in 0..f.len() {
            for j in i + 1..f.len() {
                pairs += 1;
                met += usize::from(f[i] == f[j]);
            }
        }
        whole += usize::from(f.iter().all(|s| *s == f[0]));
    }
    // Collisions: for each stem, pairs of forms from different families.
    let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
    for (fi, f) in stems.iter().enumerate() {
        for s in f {
            by_stem.entry(s).or_default().push(fi);
        }
    }
    let mut collisions = 0;
    let mut family_pairs = std::collections::HashSet::new();
    for fams in by_stem.values() {
        for i in 0..fams.len() {
            for j in i + 1..fams.len() {
                if fams[i] != fams[j] {
                    collisions += 1;
                    family_pairs.insert((fams[i].min(fams[j]), fams[i].max(fams[j])));
                }
            }
        }
    }
    Score {
        met,
        pairs,
        whole,
        collisions,
        family_collisions: family_pairs.len(),
    }
}
