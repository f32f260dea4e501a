//! The light stemmer against Lucene's and Snowball on the word-family table.

mod common;

use common::eval::{families, score, stem_with};

#[test]
fn light_joins_more_families_and_collides_less_than_lucene() {
    let fams = families();
    let light = score(&fams, stem_with("light"));
    let lucene = score(&fams, stem_with("lucene"));
    let snowball = score(&fams, stem_with("snowball"));
    let none = score(&fams, stem_with("none"));
    eprintln!("light {light:?}\nlucene {lucene:?}\nsnowball {snowball:?}\nnone {none:?}");
    assert!(light.met > none.met);
    assert!(light.met >= lucene.met, "{light:?} vs {lucene:?}");
    assert!(light.whole > lucene.whole && light.whole > snowball.whole);
    assert!(
        light.family_collisions <= lucene.family_collisions,
        "{light:?} vs {lucene:?}"
    );
}

#[test]
fn names_do_not_collide_with_words() {
    let light = stem_with("light");
    let lucene = stem_with("lucene");
    // Lucene takes ان from لبنان: it meets لبن (milk).
    assert_eq!(lucene("لبنان"), lucene("لبن"));
    assert_ne!(light("لبنان"), light("اللبن"));
    assert_eq!(light("ولبنان"), light("لبنان"));
    assert_ne!(light("بغداد"), light("غداة"));
}

#[test]
fn table_is_well_formed() {
    let fams = families();
    assert!(fams.len() >= 20 && fams.iter().all(|f| f.len() >= 3));
    let mut seen = std::collections::HashSet::new();
    for w in fams.iter().flatten() {
        assert!(seen.insert(*w), "{w} is in two families");
    }
}
