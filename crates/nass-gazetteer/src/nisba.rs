//! Nisba adjectives derived from place names.

/// The entry types whose names yield nisba adjectives.
pub const PLACE_KINDS: [&str; 8] = [
    "country",
    "capital",
    "city",
    "region",
    "province",
    "state",
    "territory",
    "place",
];

/// The nisba forms of a normalized one-word place name: the stem (the name without the
/// article ال and without a final ا ة ه or ى) plus ي, or the stem itself when it already
/// ends in ي; then the feminine (ـية), the plurals (ـيون, ـيين, ـيات), each with and
/// without the article. Empty for names with a space or a stem shorter than two letters.
///
/// The forms are written in the normalizer's alphabet only as far as the suffixes go
/// (ة, ي); the caller normalizes each form again.
pub(crate) fn forms(key: &str) -> Vec<String> {
    if key.contains(' ') {
        return Vec::new();
    }
    let mut stem = key.strip_prefix("ال").unwrap_or(key);
    if let Some(last) = stem.chars().last() {
        if matches!(last, 'ا' | 'ة' | 'ه' | 'ى') {
            stem = &stem[..stem.len() - last.len_utf8()];
        }
    }
    if stem.chars().count() < 2 || !stem.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let base = if stem.ends_with('ي') {
        stem.to_string()
    } else {
        format!("{stem}ي")
    };
    let mut out = Vec::with_capacity(10);
    for suffix in ["", "ة", "ون", "ين", "ات"] {
        let form = format!("{base}{suffix}");
        out.push(format!("ال{form}"));
        out.push(form);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::forms;

    #[test]
    fn rules() {
        let f = |k: &str| forms(k);
        assert!(f("العراق").contains(&"العراقية".to_string()));
        assert!(f("العراق").contains(&"عراقيين".to_string()));
        assert!(f("سوريا").contains(&"السوري".to_string()));
        assert!(f("سوريه").contains(&"السوريون".to_string()));
        assert!(f("امريكا").contains(&"الامريكيات".to_string()));
        assert!(f("الاردن").contains(&"اردني".to_string()));
        assert!(f("مصر").contains(&"المصرية".to_string()));
        assert!(f("السعوديه").contains(&"السعودية".to_string()));
        assert_eq!(f("السعوديه").len(), 10);
        assert!(f("الولايات المتحده").is_empty());
        assert!(f("ال").is_empty());
        assert!(f("G7").is_empty());
    }
}
