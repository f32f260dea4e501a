//! Parsing a run of number tokens into a value: exact fixed-point arithmetic, the
//! expression parser, and [`parse_number_words`](crate::parse_number_words).

use super::*;
use nass_core::arabic::is_arabic_letter;

/// `mant / 10^scale`, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Dec {
    pub(super) mant: u128,
    pub(super) scale: u32,
}

impl Dec {
    const ZERO: Dec = Dec { mant: 0, scale: 0 };

    pub(super) fn int(v: u128) -> Dec {
        Dec { mant: v, scale: 0 }
    }

    pub(super) fn from_number(n: &Number) -> Option<Dec> {
        if n.is_negative() {
            return None;
        }
        let (mant, scale) = n.mantissa()?;
        Some(Dec { mant, scale })
    }

    pub(super) fn rescale(self, scale: u32) -> Option<Dec> {
        let k = scale.checked_sub(self.scale)?;
        Some(Dec {
            mant: self.mant.checked_mul(10u128.checked_pow(k)?)?,
            scale,
        })
    }

    pub(super) fn add(self, other: Dec) -> Option<Dec> {
        if self.scale == other.scale {
            return Some(Dec {
                mant: self.mant.checked_add(other.mant)?,
                scale: self.scale,
            });
        }
        let s = self.scale.max(other.scale);
        let (a, b) = (self.rescale(s)?, other.rescale(s)?);
        Some(Dec {
            mant: a.mant.checked_add(b.mant)?,
            scale: s,
        })
    }

    pub(super) fn times_pow10(self, k: u32) -> Option<Dec> {
        if self.scale >= k {
            Some(Dec {
                mant: self.mant,
                scale: self.scale - k,
            })
        } else {
            Some(Dec {
                mant: self.mant.checked_mul(10u128.checked_pow(k - self.scale)?)?,
                scale: 0,
            })
        }
    }

    pub(super) fn to_number(self, negative: bool) -> Number {
        Number::from_parts(negative, self.mant, self.scale)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    Hundreds,
    Units,
    Tens,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Atom {
    Zero,
    Small {
        value: u16,
        slot: Slot,
        one: bool,
    },
    Scale(u32, Form),
    Numeral(Dec),
    Fraction(Fraction),
    /// سالب, ناقص.
    Minus,
    /// فاصلة, فاصل.
    Point,
}

/// What may follow a fraction in an expression: the fraction is the last word of a
/// number, or it counts a scale word after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Follow {
    /// Nothing (ثلاثة ونصف).
    Nothing,
    /// Any scale word in the singular or with the article (نصف مليون، ثلاثة أرباع المليون).
    AnyScale,
    /// The scale word it follows, again (مليون ونصف المليون).
    SameScale(u32),
}

/// A fraction read in an expression: `num/den` of `10^exp` (`exp` is `None` while only
/// a scale word after it can give the fraction a value: نصف alone is no number).
#[derive(Debug, Clone, Copy)]
pub(super) struct Pending {
    pub(super) num: u128,
    pub(super) den: u8,
    pub(super) exp: Option<u32>,
    pub(super) follow: Follow,
    /// Whether the word reads as a fraction before a scale word (see `Fraction`).
    pub(super) before_scale: bool,
    /// Whether a scale word followed: then, without `before_scale`, there is no value.
    pub(super) counted: bool,
}

impl Pending {
    /// `base` plus the fraction: `Ok(None)` while it has no value yet (نصف alone),
    /// `Ok(Some(None))` when it has no exact one. (Out of line: rare.)
    #[cold]
    #[inline(never)]
    fn plus(&self, base: Dec) -> Result<Option<Option<Dec>>, Stop> {
        let Some(exp) = self.exp else {
            return Ok(None);
        };
        match self.value(exp)? {
            None => Ok(Some(None)),
            Some(f) => Ok(Some(Some(base.add(f).ok_or(Stop::Overflow)?))),
        }
    }

    /// The exact value, `Ok(None)` when it has none (ثلث مليون), `Err` on overflow.
    fn value(&self, exp: u32) -> Result<Option<Dec>, Stop> {
        if self.counted && !self.before_scale {
            return Ok(None);
        }
        let den = u128::from(self.den);
        let x = 10u128
            .checked_pow(exp)
            .and_then(|p| p.checked_mul(self.num))
            .ok_or(Stop::Overflow)?;
        // den <= 10: three more decimal places make every 2^a 5^b denominator divide.
        for scale in 0..=3u32 {
            let y = x.checked_mul(10u128.pow(scale)).ok_or(Stop::Overflow)?;
            if y % den == 0 {
                return Ok(Some(Dec {
                    mant: y / den,
                    scale,
                }));
            }
        }
        Ok(None)
    }
}

/// Whether `word` ends in ة (or ه): خمسة is only five, خمس is five or a fifth.
fn ends_with_ta_marbuta(word: &str) -> bool {
    word.chars()
        .rev()
        .find(|&c| !is_transparent(c))
        .is_some_and(|c| matches!(c, 'ة' | 'ه'))
}

#[derive(Debug, Clone, Copy)]
pub(super) struct AtomAt {
    pub(super) atom: Atom,
    pub(super) conj: bool,
    pub(super) start: usize,
    pub(super) name_start: usize,
    pub(super) end: usize,
    pub(super) is_word: bool,
    /// Index of the next token.
    pub(super) next: usize,
}

impl AtomAt {
    fn atom_is_single(&self) -> bool {
        matches!(self.atom, Atom::Scale(_, Form::Single))
    }
}

/// Where in an expression an atom is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Position {
    /// First atom, proclitics allowed (find).
    FirstClitic,
    /// First atom, bare only (parse).
    FirstBare,
    /// A later atom: bare or with the conjunction و.
    Later,
    /// After a decimal point: bare first (a digit of a sequence: فاصلة خمسة واحد), else
    /// with و (فاصلة خمسة وعشرون).
    Digits,
}

/// Why an expression ended where it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    End,
    Unknown,
    Misplaced,
    Overflow,
}

pub(super) struct Parser<'t> {
    pub(super) text: &'t str,
    pub(super) buf: Folded,
    /// The tokens of the run lexed so far (see `fill`).
    pub(super) toks: Vec<Tok>,
    /// Where the next token of the run is lexed from.
    pub(super) lex_at: usize,
    /// Whether the run's first token may carry proclitics.
    pub(super) lex_clitics: bool,
    /// Whether the run is lexed to its end.
    pub(super) lex_done: bool,
    /// Whether colloquial number words are read ([`WordsOptions::colloquial`]).
    pub(super) colloquial: bool,
    /// How the token run ended, once `lex_done`: `None` at the end of the text, else the
    /// byte offset of a token that cannot belong to a number (or of a line break).
    pub(super) run_end: Option<usize>,
}

/// How many tokens past the current one the parser reads: an atom spans up to three
/// tokens (و alone, a unit, عشر or مئة), and the checks of أحد and of a leading numeral
/// read the next atom (three more).
pub(super) const LOOKAHEAD: usize = 6;

impl<'t> Parser<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Self::with_tokens(text, Vec::with_capacity(16))
    }

    /// A parser that lexes into `toks` (cleared first), to reuse its allocation.
    pub(super) fn with_tokens(text: &'t str, toks: Vec<Tok>) -> Self {
        Parser {
            text,
            buf: Folded {
                bytes: [0; 32],
                len: 0,
            },
            toks,
            lex_at: 0,
            lex_clitics: false,
            lex_done: true,
            colloquial: false,
            run_end: None,
        }
    }

    /// Starts the run of number-like tokens at `pos`; `fill` lexes it as the parser reads
    /// on. (Lexing the whole run up front made a run of n number words that are n numbers,
    /// such as ألف repeated, cost n^2.)
    pub(super) fn start_run(&mut self, pos: usize, clitics: bool) {
        self.toks.clear();
        self.run_end = None;
        self.lex_at = pos;
        self.lex_clitics = clitics;
        self.lex_done = false;
    }

    /// Lexes the run until it has `n` tokens or has ended.
    pub(super) fn fill(&mut self, n: usize) {
        let clitics = self.lex_clitics;
        while self.toks.len() < n && !self.lex_done {
            let at = self.lex_at;
            let first = self.toks.is_empty();
            // After و alone, a minus word or a point, a word is read bare (واحد, not
            // و + أحد).
            // After a digit word too: a decimal point's digits may follow one by one.
            let after_conj = match self.toks.last().map(|t| t.kind) {
                Some(TokKind::Conj) => true,
                Some(TokKind::Word {
                    bare, waw, clitic, ..
                }) => {
                    let opens = |l: Option<Lex>| {
                        matches!(
                            l,
                            Some(Lex::Minus | Lex::Point | Lex::Zero | Lex::Unit(0..=9))
                        )
                    };
                    opens(bare) || opens(waw) || opens(clitic.map(|(l, _)| l))
                }
                _ => false,
            };
            let how = Reading {
                lines: false,
                clitics: clitics && first,
                need_bare: first || after_conj,
                colloquial: self.colloquial,
            };
            match token_at(self.text, at, &mut self.buf, how, &mut self.toks) {
                Ok(true) => {
                    self.lex_at = self.toks.last().map_or(at, |t| t.end);
                }
                Ok(false) => self.lex_done = true,
                Err(off) => {
                    self.run_end = Some(off);
                    self.lex_done = true;
                }
            }
        }
    }

    #[inline(always)]
    pub(super) fn lex_of(kind: &TokKind, pos: Position) -> Option<(Lex, bool, usize)> {
        let TokKind::Word {
            bare,
            waw,
            clitic,
            waw_len,
        } = kind
        else {
            return None;
        };
        if pos == Position::Later {
            // After the first word, a leading و is the conjunction when that reads.
            if let Some(l) = waw {
                return Some((*l, true, *waw_len));
            }
        }
        if let Some(l) = bare {
            return Some((*l, false, 0));
        }
        match pos {
            Position::FirstBare | Position::Later => None,
            Position::Digits => waw.map(|l| (l, true, *waw_len)),
            Position::FirstClitic => clitic.map(|(l, len)| (l, false, len)),
        }
    }

    pub(super) fn past_end(&self) -> Stop {
        if self.run_end.is_some() {
            Stop::Unknown
        } else {
            Stop::End
        }
    }

    /// The atom starting at token `i`, or why there is none. (Inlined: its result is
    /// large, and returned through memory it cost a store-forwarding stall per atom.)
    #[inline(always)]
    pub(super) fn atom_at(&self, i: usize, position: Position) -> Result<AtomAt, Stop> {
        let Some(first) = self.toks.get(i) else {
            return Err(self.past_end());
        };
        let start = first.start;
        let mut i = i;
        let mut conj_word = false;
        if let TokKind::Conj = first.kind {
            if matches!(position, Position::FirstBare | Position::FirstClitic) {
                return Err(Stop::Misplaced);
            }
            // و standing alone: the next token must be bare.
            i += 1;
            conj_word = true;
        }
        let Some(tok) = self.toks.get(i) else {
            return Err(if conj_word {
                Stop::Misplaced
            } else {
                self.past_end()
            });
        };
        let (lex, conj, clitic_len) = match &tok.kind {
            TokKind::Numeral(n) => {
                return Ok(AtomAt {
                    atom: Atom::Numeral(n.ok_or(Stop::Overflow)?),
                    conj: conj_word,
                    start,
                    name_start: tok.start,
                    end: tok.end,
                    is_word: false,
                    next: i + 1,
                })
            }
            TokKind::Conj | TokKind::Ordinal { .. } => return Err(Stop::Misplaced),
            kind => {
                let p = if conj_word {
                    Position::FirstBare
                } else {
                    position
                };
                Self::lex_of(kind, p).ok_or(Stop::Misplaced)?
            }
        };
        let conj = conj || conj_word;
        let name_start = tok.start + clitic_len;
        let mk = |atom, end, next| AtomAt {
            atom,
            conj,
            start,
            name_start,
            end,
            is_word: true,
            next,
        };
        let small = |value: u16, slot| Atom::Small {
            value,
            slot,
            one: false,
        };
        // Two-word forms: unit + عشر (teens), unit + مئة (hundreds).
        let next = match lex {
            Lex::Unit(1..=10) | Lex::One | Lex::TwoOfTeen => self.toks.get(i + 1).and_then(|t| {
                Self::lex_of(&t.kind, Position::FirstBare).map(|(l, _, _)| (l, t.end))
            }),
            _ => None,
        };
        let unit = match lex {
            Lex::Unit(u) => u,
            Lex::One => 1,
            Lex::TwoOfTeen => 2,
            _ => 0,
        };
        let (end, after) = (tok.end, i + 1);
        Ok(match (lex, next) {
            (Lex::Unit(1..=9) | Lex::One | Lex::TwoOfTeen, Some((Lex::Unit(10), e))) => {
                mk(small(10 + unit as u16, Slot::Units), e, i + 2)
            }
            (Lex::Unit(3..=9), Some((Lex::HundredWord, e))) => {
                mk(small(unit as u16 * 100, Slot::Hundreds), e, i + 2)
            }
            // خمس سبع تسع عشر before a singular scale word are fractions (خمس مليون is a
            // fifth of a million: five million is خمسة ملايين); خمسة never is.
            (
                Lex::Unit(u @ (5 | 7 | 9 | 10)),
                Some((Lex::Scale(_, Form::Single | Form::Definite), _)),
            ) if !ends_with_ta_marbuta(&self.text[name_start..end]) => mk(
                Atom::Fraction(Fraction {
                    num: 1,
                    den: u,
                    before_scale: true,
                }),
                end,
                after,
            ),
            (Lex::TwoOfTeen, _) => return Err(Stop::Misplaced),
            (Lex::One, _) => mk(
                Atom::Small {
                    value: 1,
                    slot: Slot::Units,
                    one: true,
                },
                end,
                after,
            ),
            (Lex::Zero, _) => mk(Atom::Zero, end, after),
            (Lex::Unit(u), _) => mk(small(u as u16, Slot::Units), end, after),
            (Lex::Ten(t), _) => mk(small(t as u16, Slot::Tens), end, after),
            (Lex::HundredWord, _) => mk(small(100, Slot::Hundreds), end, after),
            (Lex::Hundreds(h), _) => mk(small(h, Slot::Hundreds), end, after),
            (Lex::Scale(e, f), _) => {
                // The construct dual needs its counted noun after it (ألفا رجل، ألفي
                // شخص); ألفا without one, or written with tanwin, is one thousand.
                let f = match f {
                    Form::DualOrTanwin
                        if self.text[name_start..end].contains('\u{064B}')
                            || !self.counted_noun_after(i, end) =>
                    {
                        Form::Tanwin
                    }
                    Form::Oblique if self.counted_noun_after(i, end) => Form::Dual,
                    Form::Oblique => return Err(Stop::Misplaced),
                    f => f,
                };
                mk(Atom::Scale(e, f), end, after)
            }
            (Lex::Fraction(f), _) => mk(Atom::Fraction(f), end, after),
            (Lex::Teen(t), _) => mk(small(u16::from(t), Slot::Units), end, after),
            (Lex::Minus, _) => mk(Atom::Minus, end, after),
            (Lex::Point, _) => mk(Atom::Point, end, after),
        })
    }

    /// Parses the longest number expression starting at `pos`; returns it, why it ended,
    /// and the byte offset where it ended.
    ///
    /// The grammar (documented on [`parse_number_words`](crate::parse_number_words)): a
    /// sum of parts joined by و, each in its own place value (see `disjoint`), with
    /// scale words that count the group before them, fractions, a decimal point and a
    /// leading minus word.
    pub(super) fn expr(&mut self, pos: usize, first: Position) -> (Option<Parsed>, Stop, usize) {
        self.start_run(pos, first == Position::FirstClitic);
        let mut total = Dec::ZERO;
        // The open group: the count a scale word after it multiplies.
        let mut group = Group::EMPTY;
        let mut max_exp = 0u32;
        let mut last_scale = false;
        // The power of ten of the group just closed by a scale word (ألف مليار: 12).
        let mut last_exp = 0u32;
        let mut frac: Option<Pending> = None;
        // The digits after a decimal point (فاصلة).
        let mut point: Option<PointDigits> = None;
        // سالب/ناقص read first.
        let mut negative = false;
        // صفر read: only a decimal point may follow.
        let mut zero = false;
        // A group was closed below the thousands by a scale word after و, in ascending
        // order (خمس وعشرون وتسعمائة وألف): a later group is checked against `total`.
        let mut low_closed = false;
        // Where the number starts: its first atom, even when that is a fraction with no
        // value yet.
        let mut first_at: Option<(usize, usize)> = None;
        let mut words = 0usize;
        let mut parsed: Option<Parsed> = None;
        let mut at = pos;
        let mut i = 0;
        let mut position = first;
        let stop = loop {
            // Every token `atom_at` reads below, lookahead included, is lexed: the work is
            // proportional to the atoms taken, not to the run.
            self.fill(i + LOOKAHEAD);
            let a = match self.atom_at(i, position) {
                Ok(a) => a,
                Err(s) => break s,
            };
            let is_first = matches!(position, Position::FirstBare | Position::FirstClitic);
            let c = a.conj;
            // The position of the next atom (`Later` but after a minus word or a point).
            let mut next_position = Position::Later;
            // Whether the atom leaves the number without a (new) value: a minus word, a
            // point.
            let mut no_value = false;
            let step = (|| -> Result<(), Stop> {
                if zero && !matches!(a.atom, Atom::Point) {
                    return Err(Stop::Misplaced);
                }
                if let Some(pt) = point.as_mut() {
                    // After the point: صفر as leading zeros, then one group below 1000;
                    // a scale word after them multiplies the whole (خمسة فاصلة اثنان
                    // مليون), when nothing before the point has one.
                    next_position = Position::Digits;
                    let started = pt.digits.cur.is_some() || pt.seq.is_some();
                    if pt.zeros + pt.seq.map_or(0, |s| s.1) > 38 {
                        return Err(Stop::Overflow);
                    }
                    if pt.numeral && !matches!(a.atom, Atom::Scale(..)) {
                        return Err(Stop::Misplaced);
                    }
                    match a.atom {
                        Atom::Zero if !c && !started => {
                            pt.zeros += 1;
                            return Ok(());
                        }
                        Atom::Zero if !c => return pt.digit(0),
                        Atom::Small {
                            value,
                            slot: Slot::Units,
                            one: false,
                        } if !c && started && value < 10 => return pt.digit(value),
                        Atom::Small { value, slot, one } => {
                            if c != started || pt.seq.is_some() || (one && !self.one_ok(&a)) {
                                return Err(Stop::Misplaced);
                            }
                            no_value = one;
                            return pt.digits.add(value, slot);
                        }
                        // Digits after the point (عشرة فاصلة 5 = 10.5, فاصلة 05 =
                        // .05): their digits as written, after any صفر, and no
                        // digit word after them.
                        Atom::Numeral(_) if !c && !started => {
                            let digits = self.text[a.name_start..a.end]
                                .chars()
                                .map(|ch| crate::digit_value(ch).map(u128::from))
                                .try_fold((0u128, 0u32), |(m, len), d| {
                                    Some((m.checked_mul(10)?.checked_add(d?)?, len + 1))
                                });
                            let Some((mant, len)) = digits.filter(|&(_, len)| len > 0) else {
                                return Err(Stop::Misplaced);
                            };
                            pt.seq = Some((mant, len));
                            pt.numeral = true;
                            return Ok(());
                        }
                        Atom::Scale(_, Form::Single)
                            if !c && started && max_exp == 0 && !low_closed =>
                        {
                            let int = group.cur.unwrap_or(Dec::ZERO);
                            group.cur = Some(int.add(pt.value()?).ok_or(Stop::Overflow)?);
                            group.slots = [true; 3];
                            point = None;
                            // On to the scale word below.
                        }
                        _ => return Err(Stop::Misplaced),
                    }
                }
                if let Some(p) = frac.as_mut() {
                    // After a fraction, only the scale word it counts.
                    let Atom::Scale(exp, Form::Single | Form::Definite) = a.atom else {
                        return Err(Stop::Misplaced);
                    };
                    match p.follow {
                        // نصف ألف مليون: a larger scale multiplies, as after ألف.
                        Follow::Nothing
                            if p.counted && !c && exp > max_exp && a.atom_is_single() =>
                        {
                            max_exp = exp;
                            p.exp = p.exp.map(|e| e + exp);
                            return Ok(());
                        }
                        _ if c => return Err(Stop::Misplaced),
                        Follow::AnyScale => max_exp = exp,
                        Follow::SameScale(e) if e == exp => {}
                        _ => return Err(Stop::Misplaced),
                    }
                    p.exp = Some(exp);
                    p.follow = Follow::Nothing;
                    p.counted = true;
                    return Ok(());
                }
                match &a.atom {
                    Atom::Minus => {
                        if !is_first || negative || c {
                            return Err(Stop::Misplaced);
                        }
                        negative = true;
                        no_value = true;
                        next_position = Position::FirstBare;
                    }
                    Atom::Point => {
                        let has_int = group.cur.is_some() || max_exp > 0 || low_closed;
                        if is_first || c || !has_int {
                            return Err(Stop::Misplaced);
                        }
                        // The integer part is closed: it takes no more words.
                        zero = false;
                        point = Some(PointDigits {
                            zeros: 0,
                            digits: Group::EMPTY,
                            seq: None,
                            numeral: false,
                        });
                        no_value = true;
                        next_position = Position::Digits;
                    }
                    Atom::Fraction(_) if low_closed => return Err(Stop::Misplaced),
                    Atom::Fraction(f) if f.num == 0 => {
                        // A plural counted by 3–10 alone (ثلاثة أرباع), before any scale.
                        let count = match group.cur {
                            Some(n) if !c && !group.slots[0] && !group.slots[2] && max_exp == 0 => {
                                n
                            }
                            _ => return Err(Stop::Misplaced),
                        };
                        if count.scale != 0 || !(3..=10).contains(&count.mant) {
                            return Err(Stop::Misplaced);
                        }
                        group.cur = None;
                        frac = Some(Pending {
                            num: count.mant,
                            den: f.den,
                            exp: Some(0),
                            follow: Follow::AnyScale,
                            before_scale: f.before_scale,
                            counted: false,
                        });
                    }
                    Atom::Fraction(f) => {
                        // خمس سبع تسع عشر are fractions only before the scale word they
                        // count (see `atom_at`): until it is read they give no value, as
                        // without it they are units (خمسة عشر وخمس is no number).
                        if f.num == 1 && matches!(f.den, 5 | 7 | 9 | 10) {
                            no_value = true;
                        }
                        let (exp, follow) = if !c {
                            // First: it counts the scale word that must follow.
                            if !is_first {
                                return Err(Stop::Misplaced);
                            }
                            (None, Follow::AnyScale)
                        } else if f.num != 1 {
                            return Err(Stop::Misplaced);
                        } else if group.cur.is_some() {
                            // ثلاثة ونصف: added to the units.
                            (Some(0), Follow::Nothing)
                        } else if last_scale {
                            // مليون ونصف: a fraction of the scale word before.
                            (Some(last_exp), Follow::SameScale(last_exp))
                        } else {
                            return Err(Stop::Misplaced);
                        };
                        frac = Some(Pending {
                            num: u128::from(f.num),
                            den: f.den,
                            exp,
                            follow,
                            before_scale: f.before_scale,
                            counted: false,
                        });
                    }
                    Atom::Zero => {
                        if !is_first {
                            return Err(Stop::Misplaced);
                        }
                        group.cur = Some(Dec::ZERO);
                        group.slots = [true; 3];
                        zero = true;
                    }
                    Atom::Small { value, slot, one } => {
                        match group.cur {
                            None if !(is_first || c) => return Err(Stop::Misplaced),
                            Some(_) if !c => return Err(Stop::Misplaced),
                            _ => {}
                        }
                        // أحد/إحدى alone is not a number: it needs و + tens next, and
                        // gives no value until they are read.
                        if *one {
                            if !self.one_ok(&a) || group.slots[2] {
                                return Err(Stop::Misplaced);
                            }
                            no_value = true;
                        }
                        group.add(*value, *slot)?;
                        if low_closed {
                            // After an ascending scale part, the new group keeps out of
                            // its place values (خمسة وألف وخمسة is no number).
                            let g = group.cur.unwrap_or(Dec::ZERO);
                            if !disjoint(total, g) {
                                return Err(Stop::Misplaced);
                            }
                        }
                        last_scale = false;
                    }
                    Atom::Numeral(n) => {
                        if group.cur.is_some() || !(is_first || c) {
                            return Err(Stop::Misplaced);
                        }
                        if is_first && !c && !negative {
                            // A leading numeral counts a scale word: 3 آلاف, 2.5 مليون
                            // (after a minus word it may stand alone: سالب 3).
                            let ok = matches!(
                                self.atom_at(a.next, Position::Later),
                                Ok(AtomAt {
                                    atom: Atom::Scale(
                                        _,
                                        Form::Single
                                            | Form::Plural
                                            | Form::DualOrTanwin
                                            | Form::Tanwin
                                    ),
                                    conj: false,
                                    ..
                                })
                            );
                            if !ok {
                                return Err(Stop::Misplaced);
                            }
                        }
                        group.cur = Some(*n);
                        group.slots = [true; 3];
                        last_scale = false;
                    }
                    Atom::Scale(exp, form) => {
                        let exp = *exp;
                        if last_scale && !c {
                            // ألف مليار: a larger scale multiplies what came before.
                            if exp <= max_exp || *form != Form::Single {
                                return Err(Stop::Misplaced);
                            }
                            total = total.times_pow10(exp).ok_or(Stop::Overflow)?;
                            max_exp = exp;
                            last_exp += exp;
                            return Ok(());
                        }
                        if c {
                            // A part of its own, in ascending order (خمس وعشرون
                            // وتسعمائة وألف) or not (مئة ألف وألف): ألف is one thousand,
                            // ألفان two; the group before it, if open, is closed as it is.
                            let count = match form {
                                Form::Single | Form::Tanwin => 1,
                                Form::Dual | Form::DualOrTanwin => 2,
                                Form::Plural | Form::Definite | Form::Oblique => {
                                    return Err(Stop::Misplaced)
                                }
                            };
                            if let Some(g) = group.cur {
                                if !disjoint(total, g) {
                                    return Err(Stop::Misplaced);
                                }
                                total = total.add(g).ok_or(Stop::Overflow)?;
                                low_closed = true;
                            }
                            let v = Dec::int(count).times_pow10(exp).ok_or(Stop::Overflow)?;
                            if !disjoint(total, v) {
                                return Err(Stop::Misplaced);
                            }
                            total = total.add(v).ok_or(Stop::Overflow)?;
                            max_exp = max_exp.max(exp);
                        } else {
                            let count = match (form, group.cur) {
                                (
                                    Form::Single | Form::Plural | Form::DualOrTanwin | Form::Tanwin,
                                    Some(n),
                                ) => n,
                                (Form::Plural | Form::Definite | Form::Oblique, _) => {
                                    // Plural: only after a count; definite: only what a
                                    // fraction counts.
                                    return Err(Stop::Misplaced);
                                }
                                (Form::Single | Form::Tanwin, None) => Dec::int(1),
                                (Form::Dual | Form::DualOrTanwin, None) => Dec::int(2),
                                (Form::Dual, Some(_)) => return Err(Stop::Misplaced),
                            };
                            if !(is_first || group.cur.is_some()) {
                                return Err(Stop::Misplaced);
                            }
                            if max_exp == 0 || exp > max_exp {
                                // The scale counts all before it (ألف وخمسمائة مليون).
                                if !disjoint(total, count) {
                                    return Err(Stop::Misplaced);
                                }
                                total = total
                                    .add(count)
                                    .and_then(|t| t.times_pow10(exp))
                                    .ok_or(Stop::Overflow)?;
                                max_exp = exp;
                            } else {
                                let v = count.times_pow10(exp).ok_or(Stop::Overflow)?;
                                if !disjoint(total, v) {
                                    // ألف وألف, ثلاثة آلاف وألفان: the same place twice.
                                    return Err(Stop::Misplaced);
                                }
                                total = total.add(v).ok_or(Stop::Overflow)?;
                            }
                        }
                        group = Group::EMPTY;
                        last_scale = true;
                        last_exp = exp;
                    }
                }
                Ok(())
            })();
            if let Err(s) = step {
                break s;
            }
            if a.is_word {
                words += 1;
            }
            let (start, name_start) = *first_at.get_or_insert((a.start, a.name_start));
            at = a.end;
            i = a.next;
            position = next_position;
            if no_value {
                continue;
            }
            let int = match group.cur {
                Some(v) => total.add(v),
                None => Some(total),
            };
            let value = match (int, &point) {
                (Some(v), Some(pt)) => match pt.value() {
                    Ok(f) => v.add(f),
                    Err(s) => break s,
                },
                (v, _) => v,
            };
            let Some(value) = value else {
                break Stop::Overflow;
            };
            // With a fraction: its exact value added, or none (ثلث مليون); a fraction with
            // nothing to count yet is no number (نصف alone).
            let value = match &frac {
                None => Some(value),
                Some(p) => match p.plus(value) {
                    Ok(Some(v)) => v,
                    Ok(None) => continue,
                    Err(s) => break s,
                },
            };
            let p = parsed.get_or_insert(Parsed {
                start,
                name_start,
                end: a.end,
                value,
                negative,
                words,
            });
            p.end = a.end;
            p.value = value;
            p.words = words;
        };
        (parsed, stop, at)
    }

    /// Whether the word after the scale word of token `i`, which ends at byte `end`, can
    /// be the counted noun of a construct dual (ألفا رجل، مليوني دولار): on the same line
    /// with only spaces between, an Arabic word that is no number word, has no article
    /// (the counted noun is indefinite) and is none of the particles and adverbs that
    /// follow a number (من، في، تقريبا، فقط...).
    fn counted_noun_after(&self, i: usize, end: usize) -> bool {
        // A token after it in the run is a number word, و or a numeral.
        if self.toks.get(i + 1).is_some() {
            return false;
        }
        let rest = self.text[end..].trim_start_matches([' ', '\t', '\u{00A0}']);
        // The word's first 32 folded bytes (16 letters): more than any particle or number
        // word has, so a longer word is compared by a prefix no key equals, and the work
        // stays bounded on a long run without white space.
        let mut folded = [0u8; 32];
        let mut len = 0;
        for c in rest
            .chars()
            .take_while(|&c| is_letter_word_char(c))
            .flat_map(lookup_fold)
        {
            if len + c.len_utf8() > folded.len() {
                break;
            }
            c.encode_utf8(&mut folded[len..]);
            len += c.len_utf8();
        }
        let folded = &folded[..len];
        first_letter(folded).is_some_and(is_arabic_letter)
            && !folded.starts_with("ال".as_bytes())
            && lookup_in(folded, self.colloquial).is_none()
            && !NOT_COUNTED_NOUNS.iter().any(|w| w.as_bytes() == folded)
    }

    /// Whether أحد/إحدى at `a` is followed by و + tens, as it must be.
    fn one_ok(&self, a: &AtomAt) -> bool {
        matches!(
            self.atom_at(a.next, Position::Later),
            Ok(AtomAt {
                atom: Atom::Small {
                    slot: Slot::Tens,
                    ..
                },
                conj: true,
                ..
            })
        )
    }
}

/// A group below 1000 being read (hundreds, units, tens in any order, joined by و): the
/// count of the scale word after it, or the last part of a number.
#[derive(Debug, Clone, Copy)]
pub(super) struct Group {
    pub(super) cur: Option<Dec>,
    /// hundreds, units, tens used.
    pub(super) slots: [bool; 3],
    /// The units slot holds 10..19 (so the tens are taken too).
    pub(super) big_unit: bool,
}

impl Group {
    const EMPTY: Group = Group {
        cur: None,
        slots: [false; 3],
        big_unit: false,
    };

    /// Adds a word of `slot`: each place value once (ثلاثة وعشرون ومئة = 123, in any
    /// order; خمسة وستة, عشرة وعشرون are no group).
    fn add(&mut self, value: u16, slot: Slot) -> Result<(), Stop> {
        let idx = slot as usize;
        if self.slots[idx] {
            return Err(Stop::Misplaced);
        }
        match slot {
            Slot::Tens if self.big_unit => return Err(Stop::Misplaced),
            Slot::Units if value >= 10 && self.slots[2] => return Err(Stop::Misplaced),
            _ => {}
        }
        self.slots[idx] = true;
        if slot == Slot::Units && value >= 10 {
            self.big_unit = true;
        }
        let base = self.cur.unwrap_or(Dec::ZERO);
        self.cur = Some(base.add(Dec::int(value as u128)).ok_or(Stop::Overflow)?);
        Ok(())
    }
}

/// The digits after a decimal point: `zeros` leading صفر, then either one group read as
/// the digits that follow them (فاصلة خمسة وعشرون = .25, فاصلة صفر خمسة = .05) or digit
/// words one by one (فاصلة واحد أربعة صفر سبعة = .1407).
#[derive(Debug, Clone, Copy)]
pub(super) struct PointDigits {
    pub(super) zeros: u32,
    pub(super) digits: Group,
    /// The digits one by one, after the first two, or a numeral's digits: (their
    /// value, how many).
    pub(super) seq: Option<(u128, u32)>,
    /// The digits are a numeral's (only a scale word may follow).
    pub(super) numeral: bool,
}

impl PointDigits {
    /// Takes one more digit word (`Atom::Zero` is 0) with no و before it.
    fn digit(&mut self, d: u16) -> Result<(), Stop> {
        let (m, len) = match (self.seq, self.digits.cur) {
            (Some(s), _) => s,
            // The first digit of a sequence read as a group of one unit.
            (None, Some(g)) if g.mant < 10 && self.digits.slots == [false, true, false] => {
                (g.mant, 1)
            }
            _ => return Err(Stop::Misplaced),
        };
        let m = m
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(d)))
            .ok_or(Stop::Overflow)?;
        self.seq = Some((m, len + 1));
        Ok(())
    }

    /// The fraction: `n / 10^(zeros + digits of n)`.
    fn value(&self) -> Result<Dec, Stop> {
        if let Some((mant, len)) = self.seq {
            return Ok(Dec {
                mant,
                scale: self.zeros + len,
            });
        }
        let n = self.digits.cur.map_or(0, |d| d.mant);
        let mut len = 0u32;
        let mut m = n;
        while m > 0 {
            m /= 10;
            len += 1;
        }
        Ok(Dec {
            mant: n,
            scale: self.zeros + len,
        })
    }
}

/// Whether the nonzero decimal digits of `a` and `b` are at different places: then
/// `a + b` keeps each part in its own place value (ألف ومئة), else the sum is no number
/// (ألف وألف). Both are whole or have a few decimals; places below the units count too.
#[inline]
pub(super) fn disjoint(a: Dec, b: Dec) -> bool {
    if a.mant == 0 || b.mant == 0 {
        return true;
    }
    if let (0, 0, Ok(x), Ok(y)) = (
        a.scale,
        b.scale,
        u64::try_from(a.mant),
        u64::try_from(b.mant),
    ) {
        // The common case, a part below the places of the other (ألف وخمسة): the larger
        // has only zeros where the smaller has digits.
        let (small, big) = if x < y { (x, y) } else { (y, x) };
        if let Some(p) = 10u64.checked_pow(small.ilog10() + 1) {
            if big % p == 0 {
                return true;
            }
        }
    }
    disjoint_by_places(a, b)
}

/// [`disjoint`] digit by digit. (Out of line: rare.)
#[cold]
#[inline(never)]
fn disjoint_by_places(a: Dec, b: Dec) -> bool {
    let s = a.scale.max(b.scale);
    match (a.rescale(s), b.rescale(s)) {
        (Some(a), Some(b)) => digit_places(a.mant) & digit_places(b.mant) == 0,
        _ => false,
    }
}

/// The places (bit k: 10^k) of the nonzero decimal digits of `n` (below 10^39).
fn digit_places(n: u128) -> u64 {
    let mut mask = 0u64;
    let mut k = 0;
    if let Ok(mut m) = u64::try_from(n) {
        while m > 0 {
            if m % 10 != 0 {
                mask |= 1 << k;
            }
            m /= 10;
            k += 1;
        }
        return mask;
    }
    let mut m = n;
    while m > 0 {
        if m % 10 != 0 {
            mask |= 1 << k;
        }
        m /= 10;
        k += 1;
    }
    mask
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Parsed {
    pub(super) start: usize,
    pub(super) name_start: usize,
    pub(super) end: usize,
    /// `None`: a fraction with no exact decimal value (ثلث مليون).
    pub(super) value: Option<Dec>,
    /// After سالب or ناقص.
    pub(super) negative: bool,
    pub(super) words: usize,
}

// ---------------------------------------------------------------------------------------
// Public parsing API
// ---------------------------------------------------------------------------------------

/// Settings of the number-word parser and finder ([`parse_number_words_with`],
/// [`find_number_words_with`](crate::find_number_words_with)). The default reads Modern
/// Standard Arabic only.
///
/// ```
/// use nass_numerals::WordsOptions;
/// assert!(!WordsOptions::new().is_colloquial());
/// assert!(WordsOptions::new().colloquial(true).is_colloquial());
/// assert_eq!(WordsOptions::default(), WordsOptions::new());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct WordsOptions {
    colloquial: bool,
}

impl WordsOptions {
    /// The default settings: standard words only.
    pub const fn new() -> Self {
        WordsOptions { colloquial: false }
    }

    /// Whether to read colloquial spellings of the Levant, Egypt and the Gulf too:
    /// تلاتة/تلات (3), اتنين (2), تمنية/تمانية (8), تلاتين (30), تمانين (80), the teens in
    /// one word (حداشر، اتناشر، تلتاشر، خمستاشر، ستاشر، تسعتاشر, also with طاشر, تعش and
    /// طعش: خمسطعش), مية (100), ميتين (200), the hundreds with مية (تلتمية، خمسمية),
    /// تلاف (تلات تلاف = 3000), and the fractions نص and تلت (مليون ونص). The grammar and
    /// the exactness are those of standard words. Off by default: some of these are
    /// ordinary words in standard text (نص "text", مية, تلت), which then gains no number
    /// from them.
    ///
    /// ```
    /// use nass_numerals::{find_number_words_with, WordsOptions};
    /// let text = "دفع ميتين وخمسين ألف";
    /// let on = WordsOptions::new().colloquial(true);
    /// let values: Vec<String> = find_number_words_with(text, on).map(|m| m.value().to_string()).collect();
    /// assert_eq!(values, ["250000"]);
    /// assert_eq!(find_number_words_with(text, WordsOptions::new()).count(), 1); // وخمسين ألف
    /// ```
    pub const fn colloquial(mut self, on: bool) -> Self {
        self.colloquial = on;
        self
    }

    /// Whether colloquial words are read.
    ///
    /// ```
    /// assert!(!nass_numerals::WordsOptions::new().is_colloquial());
    /// ```
    pub const fn is_colloquial(&self) -> bool {
        self.colloquial
    }
}

/// Why [`parse_number_words`] failed.
///
/// ```
/// use nass_numerals::{parse_number_words, ParseWordsErrorKind};
/// let err = parse_number_words("ثلاثة كتب").unwrap_err();
/// assert_eq!(err.kind(), ParseWordsErrorKind::UnknownWord);
/// assert_eq!(err.offset(), 11);
/// assert_eq!(err.to_string(), "not a number word at byte 11");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseWordsError {
    pub(super) kind: ParseWordsErrorKind,
    pub(super) offset: usize,
}

/// The kinds of [`ParseWordsError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseWordsErrorKind {
    /// Nothing but whitespace.
    Empty,
    /// A word (or character) that is not part of any number.
    UnknownWord,
    /// A number word where the grammar does not allow it (ثلاثة خمسة, أحد alone, a missing و).
    Misplaced,
    /// A value too large for the exact arithmetic (beyond about 10^38).
    Overflow,
    /// A fraction with no exact decimal value (ثلث مليون، مليون وثلث), or with no sure
    /// value (ثمن مليون: ثمن is also "price").
    Inexact,
}

impl ParseWordsError {
    /// The kind of error.
    ///
    /// ```
    /// use nass_numerals::{parse_number_words, ParseWordsErrorKind};
    /// assert_eq!(parse_number_words("خمسة ستة").unwrap_err().kind(), ParseWordsErrorKind::Misplaced);
    /// ```
    pub fn kind(&self) -> ParseWordsErrorKind {
        self.kind
    }

    /// Byte offset of the problem in the input.
    ///
    /// ```
    /// assert_eq!(nass_numerals::parse_number_words("خمسة ستة").unwrap_err().offset(), 9);
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ParseWordsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ParseWordsErrorKind::Empty => "no number words",
            ParseWordsErrorKind::UnknownWord => "not a number word",
            ParseWordsErrorKind::Misplaced => "number word out of place",
            ParseWordsErrorKind::Overflow => "number too large",
            ParseWordsErrorKind::Inexact => "no exact decimal value",
        };
        write!(f, "{what} at byte {}", self.offset)
    }
}

impl std::error::Error for ParseWordsError {}

/// Parses a cardinal number written in Arabic words (or digits with scale words).
///
/// The whole input (surrounding whitespace aside) must be one number, on one line (a line
/// break inside it is an [`UnknownWord`](ParseWordsErrorKind::UnknownWord)); additive parts
/// are joined by و (attached or standing alone). Accepted forms:
/// - units in both genders and all cases: واحد/واحدة، اثنان/اثنين/اثنتان/اثنتين،
///   ثلاث/ثلاثة … تسع/تسعة، ثمان/ثماني/ثمانية، عشر/عشرة;
/// - teens: أحد عشر، إحدى عشرة، اثنا/اثني عشر، اثنتا/اثنتي عشرة، ثلاثة عشر، ثلاث عشرة …;
/// - tens in -ون and -ين; units before tens (خمسة وعشرون، إحدى وعشرون) or after them;
/// - hundreds: مئة/مائة، مئتان/مائتان/مئتين/مائتين (and the construct مئتا/مئتي),
///   ثلاثمئة/ثلاثمائة/ثلاث مئة … تسعمئة;
/// - scales ألف (10^3), مليون (10^6), مليار or بليون (10^9), تريليون (10^12), each singular,
///   dual (ألفان/ألفين, construct ألفا), plural (آلاف/ألوف، ملايين، مليارات/بلايين،
///   تريليونات) and tanwin accusative (ألفًا, also written ألفا or ألف); a larger scale after
///   a smaller one multiplies (ألف مليار = 10^12);
/// - a numeral of [`parse_number`] before a scale word (3 آلاف، 2.5 مليون، ١٫٥ مليار), or
///   alone (in any script of decimal digits);
/// - صفر alone;
/// - fractions, as exact values: a fraction word before a scale word in the singular or
///   with the article (نصف مليون = 500000، ربع المليار، نصف ألف مليون); after a scale
///   word and و, a fraction of that scale (مليون ونصف = 1500000، ثلاثة آلاف وربع =
///   3250، مليون ونصف المليون); after a number with no scale word and و, added to it
///   (ثلاثة ونصف = 3.5); a plural counted by 3–10 (ثلاثة أرباع = 0.75، ثلاثة أرباع
///   المليون). The words: نصف، ثلث، ربع، سدس، ثمن; the duals ثلثا/ثلثي، ربعا/ربعي،
///   خمسا/خمسي، سدسا/سدسي، ثمنا/ثمني; the plurals أثلاث، أرباع، أخماس، أسداس، أسباع،
///   أثمان، أتساع، أعشار; and خمس، سبع، تسع، عشر (without ة) as fractions only before a
///   singular scale word (خمس مليون = 200000), else they are units (ألف وخمس = 1005).
///   Only a singular fraction follows و. A fraction is the last word of the number, but
///   for the scale word it counts. With no exact decimal value (ثلث مليون، مليون وثلث،
///   سبعة أسداس) the number is an [`Inexact`](ParseWordsErrorKind::Inexact) error, and
///   so is ثمن before a scale word (also "price"); a fraction with no other number word
///   (نصف) is [`Misplaced`](ParseWordsErrorKind::Misplaced);
/// - a minus word first, سالب or ناقص: the number after it is negative (ناقص خمسة = -5),
///   and may be a numeral alone (سالب 3 = -3);
/// - a decimal point, فاصلة or فاصل, after the integer part: then either one group below
///   a thousand whose digits are those after the point, as written (عشرة فاصلة سبعة =
///   10.7, فاصلة خمسة وعشرون = .25, فاصلة مئة وخمسة = .105), or digit words one by one
///   (فاصلة واحد أربعة واحد = .141), each after as many صفر as there are leading zeros
///   (صفر فاصلة صفر خمسة = 0.05), or a numeral of digits alone, its digits as written
///   (عشرة فاصلة 5 = 10.5, فاصلة 05 = .05). A singular scale word after the digits multiplies the
///   whole when the integer part has none (اثنان فاصلة خمسة مليون = 2500000); no other
///   word follows them.
///
/// Parts in any order: the number is the sum of its parts joined by و (a unit, a teen,
/// tens, hundreds, or a scale word with its count), each in its own place value, in
/// descending, ascending or mixed order: خمس وعشرين وتسعمائة وألف = 1925, ثلاثة وعشرين
/// ومائة = 123, مئة ألف وألف = 101000. Parts whose nonzero digits would take the same
/// place are no one number (ألف وألف، ثلاثة آلاف وألفان، خمسة وألف وخمسة): the input is
/// [`Misplaced`](ParseWordsErrorKind::Misplaced) there. Where an order could be read two
/// ways, one reading is fixed: a scale word without و counts the whole group of words
/// before it back to the previous scale word, in whatever order the group is written
/// (ثلاثة وعشرون ومائة ألف = 123000, not 100023), and a larger scale word multiplies all
/// before it (ألف وخمسمائة مليون = 1500000000); a scale word after و is a part of its
/// own, ألف or ألفان alone (خمسة وثلاثة آلاف is not 3005: the units would be taken
/// twice).
///
/// Alone, ألفا and مليونا are the accusative singular (one thousand, one million) and the
/// oblique construct duals ألفي, مليوني are no number: in running text they are duals
/// before their counted noun (see [`find_number_words`](crate::find_number_words)).
///
/// Spelling variants fold first: diacritics and tatweel are ignored, أ إ آ ٱ read as ا,
/// ة as ه, ى as ي.
///
/// ```
/// use nass_numerals::parse_number_words;
/// let v = |s| parse_number_words(s).unwrap().to_string();
/// assert_eq!(v("ألفان وخمسمائة وستة عشر"), "2516");
/// assert_eq!(v("3 آلاف"), "3000");
/// assert_eq!(v("2.5 مليون"), "2500000");
/// assert_eq!(v("أحدَ عشرَ ألفًا"), "11000");
/// assert_eq!(v("ثلاث مئة و اثنتا عشرة"), "312");
/// assert_eq!(v("نصف مليون"), "500000");
/// assert_eq!(v("مليون ونصف"), "1500000");
/// assert_eq!(v("ثلاثة أرباع"), "0.75");
/// assert_eq!(v("سالب عشرة فاصلة خمسة وعشرون"), "-10.25");
/// assert_eq!(v("عشرة فاصلة 05"), "10.05");
/// assert_eq!(v("خمس وعشرين وتسعمائة وألف"), "1925");
/// assert!(parse_number_words("ألف وألف").is_err());
/// ```
pub fn parse_number_words(s: &str) -> Result<Number, ParseWordsError> {
    parse_number_words_with(s, WordsOptions::new())
}

/// [`parse_number_words`] with settings: with [`WordsOptions::colloquial`], colloquial
/// number words too.
///
/// ```
/// use nass_numerals::{parse_number_words, parse_number_words_with, WordsOptions};
/// let colloquial = WordsOptions::new().colloquial(true);
/// let v = |s| parse_number_words_with(s, colloquial).unwrap().to_string();
/// assert_eq!(v("تلاتة وتلاتين"), "33");
/// assert_eq!(v("ميتين وخمستاشر"), "215");
/// assert!(parse_number_words("ميتين").is_err()); // off by default
/// ```
pub fn parse_number_words_with(s: &str, options: WordsOptions) -> Result<Number, ParseWordsError> {
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len();
    if start >= end {
        return Err(ParseWordsError {
            kind: ParseWordsErrorKind::Empty,
            offset: s.len(),
        });
    }
    let body = &s[..end];
    if body[start..].starts_with(is_digit) {
        if let Ok(n) = parse_number(&body[start..]) {
            return Ok(n);
        }
    }
    // The token buffer of the previous call on this thread, so that parsing many numbers
    // does not allocate one each time.
    thread_local! {
        static TOKENS: std::cell::Cell<Vec<Tok>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let mut p = Parser::with_tokens(body, TOKENS.take());
    p.colloquial = options.colloquial;
    let (parsed, stop, at) = p.expr(start, Position::FirstBare);
    if p.toks.capacity() <= 1024 {
        // (A huge run's buffer is let go.)
        TOKENS.set(std::mem::take(&mut p.toks));
    }
    match parsed {
        Some(parsed) if parsed.end == end => match parsed.value {
            Some(v) => Ok(v.to_number(parsed.negative)),
            None => Err(ParseWordsError {
                kind: ParseWordsErrorKind::Inexact,
                offset: parsed.name_start,
            }),
        },
        _ => {
            // The unknown token, or the line break; else the next token.
            let offset = match (stop, p.run_end) {
                (Stop::Unknown, Some(off)) => off,
                _ => body[at..].len() - body[at..].trim_start().len() + at,
            };
            let kind = match stop {
                Stop::Overflow => ParseWordsErrorKind::Overflow,
                Stop::Unknown => ParseWordsErrorKind::UnknownWord,
                Stop::Misplaced | Stop::End => ParseWordsErrorKind::Misplaced,
            };
            Err(ParseWordsError { kind, offset })
        }
    }
}

/// Folded words that follow a number without being its counted noun: prepositions,
/// conjunctions and particles, and the adverbs of amount (مليونا تقريبا، ألفا فقط).
const NOT_COUNTED_NOUNS: &[&str] = &[
    "من",
    "في",
    "الي",
    "علي",
    "عن",
    "مع",
    "منذ",
    "حتي",
    "نحو",
    "ضد",
    "بين",
    "امام",
    "خلال",
    "بعد",
    "قبل",
    "عند",
    "لدي",
    "دون",
    "حول",
    "عبر",
    "او",
    "ام",
    "ثم",
    "لكن",
    "بل",
    "لا",
    "لم",
    "لن",
    "قد",
    "ان",
    "انه",
    "اي",
    "كما",
    "مثل",
    "غير",
    "سوي",
    "فقط",
    "تقريبا",
    "اخري",
    "اخرين",
    "اخر",
    "اضافي",
    "اضافيه",
    "اضافيا",
    "اخرون",
    "كل",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "اذا",
    "لو",
    "حيث",
    "ما",
    "وفي",
    "ومن",
    "وهو",
    "وهي",
    "هو",
    "هي",
    "هم",
];
