package naming

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cyrillic maps lower-case Cyrillic letters to ASCII with the scheme of ICAO
// Doc 9303, the one of machine-readable passports. The soft sign has no
// Latin form and is dropped.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "ie", 'ы': "y", 'ь': "", 'э': "e", 'ю': "iu", 'я': "ia",
	// Belarusian.
	'і': "i", 'ў': "u",
	// Ukrainian.
	'є': "ie", 'ї': "i", 'ґ': "g",
}

// latin maps the Latin letters that Unicode does not decompose into a base
// letter and a mark.
var latin = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "ng",
}

// isApostrophe reports whether r is one of the apostrophes that Belarusian
// and Ukrainian spelling uses inside words; they are dropped, not split on.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ'
}

// appendASCIIWord appends the transliteration of one word, lower-case
// ASCII letters and digits, to dst. It reports false when the word has a
// letter or digit that no table covers, such as a Chinese character.
func appendASCIIWord(dst []byte, word []rune) ([]byte, bool) {
	n := len(dst)
	for _, r := range word {
		if r >= utf8.RuneSelf {
			return appendTransliteration(dst[:n], string(word))
		}
		dst = append(dst, byte(unicode.ToLower(r)))
	}
	return dst, true
}

// appendTransliteration is appendASCIIWord for a word with a letter beyond
// ASCII: NFD splits off the diacritics, and the tables map the rest.
func appendTransliteration(dst []byte, word string) ([]byte, bool) {
	for _, r := range norm.NFD.String(word) {
		r = unicode.ToLower(r)
		switch {
		case r < unicode.MaxASCII && (isLowerASCII(r) || isDigitASCII(r)):
			dst = append(dst, byte(r))
		case unicode.Is(unicode.Mn, r):
			// A diacritic that NFD split off its base letter.
		default:
			s, ok := cyrillic[r]
			if !ok {
				s, ok = latin[r]
			}
			if !ok {
				return dst, false
			}
			dst = append(dst, s...)
		}
	}
	return dst, true
}

func isLowerASCII(r rune) bool { return r >= 'a' && r <= 'z' }

func isDigitASCII(r rune) bool { return r >= '0' && r <= '9' }
