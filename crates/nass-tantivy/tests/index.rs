//! A real tantivy index of the corpus articles, one document a paragraph, searched
//! through the nass tokenizer.

use std::collections::BTreeSet;

use nass_tantivy::NassTokenizer;
use tantivy::collector::DocSetCollector;
use tantivy::query::QueryParser;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, DocAddress, Index, Searcher};

struct Fixture {
    _dir: tempfile::TempDir,
    index: Index,
    searcher: Searcher,
    body: Field,
}

fn fixture() -> Option<Fixture> {
    let files = nass_tests::corpus_files()?;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("arabic")
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let mut schema = Schema::builder();
    let body = schema.add_text_field(
        "body",
        TextOptions::default()
            .set_indexing_options(indexing)
            .set_stored(),
    );
    let index = Index::create_in_dir(dir.path(), schema.build()).expect("an index");
    index
        .tokenizers()
        .register("arabic", NassTokenizer::search());
    let mut writer = index.writer(15_000_000).expect("a writer");
    for (_, text) in &files {
        for para in text.lines().filter(|l| !l.trim().is_empty()) {
            writer.add_document(doc!(body => para)).expect("added");
        }
    }
    writer.commit().expect("committed");
    let searcher = index.reader().expect("a reader").searcher();
    Some(Fixture {
        _dir: dir,
        index,
        searcher,
        body,
    })
}

impl Fixture {
    fn hits(&self, query: &str) -> BTreeSet<DocAddress> {
        let parser = QueryParser::for_index(&self.index, vec![self.body]);
        let q = parser.parse_query(query).expect("a query");
        self.searcher
            .search(&q, &DocSetCollector)
            .expect("searched")
            .into_iter()
            .collect()
    }
}

#[test]
fn variants_find_what_the_plain_query_finds() {
    let Some(f) = fixture() else { return };
    let groups: [(&str, &[&str]); 6] = [
        (
            "العراق",
            &["العِرَاقِ", "العـــراق", "والعراق", "بالعراق", "للعراق"],
        ),
        (
            "الأميركية",
            &["الاميركية", "الإميركية", "الآميركية", "الأمِيرْكِيَّة"],
        ),
        ("يحيى", &["يحيي"]),
        ("الحكومة", &["الحكومه", "الحكـومة", "والحكومة"]),
        ("مهمة", &["مهمه", "مُهِمَّة"]),
        ("أعلنت", &["اعلنت", "إعلنت", "أعلَنَت"]),
    ];
    for (plain, variants) in groups {
        let expected = f.hits(plain);
        assert!(!expected.is_empty(), "{plain} finds something");
        for v in variants {
            assert_eq!(f.hits(v), expected, "{v} vs {plain}");
        }
    }
    // A word that is not there finds nothing (the comparison above is not vacuous).
    assert!(f.hits("الموز").is_empty());
}

#[test]
fn phrase_across_a_stop_word() {
    let Some(f) = fixture() else { return };
    // The corpus has «الجيش العراقي أن بغداد وواشنطن»: أن is a stop word.
    let hits = f.hits("\"العراقي أن بغداد\"");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits, f.hits("\"الجيش العراقي أن بغداد وواشنطن\""));
    // Out of order, it does not match.
    assert!(f.hits("\"بغداد أن العراقي\"").is_empty());
    // Without the stop word the words are not adjacent: the gap is kept.
    assert!(!f
        .hits("\"العراقي بغداد\"")
        .contains(hits.iter().next().unwrap()));
}

#[test]
fn snippets_highlight_the_original_words() {
    let Some(f) = fixture() else { return };
    let analyzer = nass_analysis::Analyzer::search();
    let parser = QueryParser::for_index(&f.index, vec![f.body]);
    let query = parser.parse_query("بالعراق").expect("a query");
    let gen = SnippetGenerator::create(&f.searcher, &query, f.body).expect("a generator");
    let mut highlighted = 0;
    for addr in f
        .searcher
        .search(&query, &DocSetCollector)
        .expect("searched")
    {
        let doc: tantivy::TantivyDocument = f.searcher.doc(addr).expect("a document");
        let snippet = gen.snippet_from_doc(&doc);
        let fragment = snippet.fragment();
        for range in snippet.highlighted() {
            let word = &fragment[range.clone()];
            // A whole word of the text: not inside another word.
            let before = fragment[..range.start].chars().next_back();
            let after = fragment[range.end..].chars().next();
            assert!(
                before.is_none_or(|c| !c.is_alphanumeric()),
                "{word:?} in {fragment}"
            );
            assert!(
                after.is_none_or(|c| !c.is_alphanumeric()),
                "{word:?} in {fragment}"
            );
            // ...that analyzes to the query's term.
            let terms: Vec<String> = analyzer
                .analyze(word)
                .map(|t| t.text().to_string())
                .collect();
            assert_eq!(terms, ["عراق"], "{word:?}");
            highlighted += 1;
        }
    }
    assert!(highlighted >= 30, "{highlighted}");
}
