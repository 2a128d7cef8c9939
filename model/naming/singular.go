package naming

import "strings"

// irregular maps plurals that no suffix rule covers to their singulars.
var irregular = map[string]string{
	"people": "person", "children": "child", "men": "man", "women": "woman",
	"indices": "index", "vertices": "vertex", "matrices": "matrix",
	"criteria": "criterion", "analyses": "analysis", "caches": "cache",
	"movies": "movie", "cookies": "cookie", "quizzes": "quiz",
}

// usStems are the words ending in "us" whose plural ends in "uses", so
// that "statuses" gives "status" while "causes" gives "cause".
var usStems = map[string]bool{
	"status": true, "bonus": true, "campus": true, "census": true,
	"corpus": true, "focus": true, "radius": true, "virus": true,
	"syllabus": true, "prospectus": true, "stimulus": true,
}

// unchanged are words that end in "s" but are not plurals, or whose
// plural is the same word.
var unchanged = map[string]bool{
	"news": true, "series": true, "species": true, "means": true,
	"alias": true, "canvas": true, "atlas": true, "gas": true, "bus": true,
	"lens": true, "plus": true, "bias": true, "kudos": true, "chaos": true,
}

// Singular returns the singular of a lower-case English plural noun, for
// naming the element type of an array: "positions" gives "position",
// "entries" "entry", "addresses" "address", "statuses" "status". A word
// that is not a recognized plural, including any word that does not end
// in "s", is returned unchanged.
func Singular(word string) string {
	if s, ok := irregular[word]; ok {
		return s
	}
	if unchanged[word] || len(word) < 3 || !strings.HasSuffix(word, "s") {
		return word
	}
	switch {
	case strings.HasSuffix(word, "ss"), strings.HasSuffix(word, "us"), strings.HasSuffix(word, "is"):
		return word // "address", "status", "analysis"
	case strings.HasSuffix(word, "ies"):
		if len(word) <= 4 {
			return word[:len(word)-1] // "ties", "pies"
		}
		return word[:len(word)-3] + "y"
	case strings.HasSuffix(word, "uses"):
		if stem := word[:len(word)-2]; usStems[stem] {
			return stem
		}
	case strings.HasSuffix(word, "sses"), strings.HasSuffix(word, "xes"),
		strings.HasSuffix(word, "ches"), strings.HasSuffix(word, "shes"),
		strings.HasSuffix(word, "zzes"):
		return word[:len(word)-2]
	}
	return word[:len(word)-1]
}
