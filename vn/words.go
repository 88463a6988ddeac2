package vn

import "strings"

// FoldWords folds the first n words (at most) of words with FoldName.
func FoldWords(words []string, n int) []string {
	n = min(n, len(words))
	out := make([]string, n)
	for i, w := range words[:n] {
		out[i] = FoldName(w)
	}
	return out
}

// MatchPhrase finds the longest phrase of table (phrases of folded words
// joined by one space) that folded starts with, and returns its value and
// its number of words (0 when none).
func MatchPhrase[T any](folded []string, table map[string]T) (T, int) {
	for n := len(folded); n > 0; n-- {
		if v, ok := table[strings.Join(folded[:n], " ")]; ok {
			return v, n
		}
	}
	var zero T
	return zero, 0
}
