package output

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected hunks below are what GNU diffutils 3.x prints for
// "diff -u old new" on the same input, without its two header lines.
func TestUnifiedDiffMatchesDiffU(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{
			name: "two separate hunks and a missing final newline",
			old:  "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n",
			new:  "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\nn",
			want: "@@ -1,6 +1,6 @@\n a\n b\n-c\n+C\n d\n e\n f\n" +
				"@@ -9,5 +9,6 @@\n i\n j\n k\n-l\n+L\n m\n+n\n\\ No newline at end of file\n",
		},
		{
			name: "delete the only line",
			old:  "x\n",
			new:  "",
			want: "@@ -1 +0,0 @@\n-x\n",
		},
		{
			name: "create from nothing",
			old:  "",
			new:  "x\n",
			want: "@@ -0,0 +1 @@\n+x\n",
		},
		{
			name: "append a line",
			old:  "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
			new:  "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n",
			want: "@@ -8,3 +8,4 @@\n 8\n 9\n 10\n+11\n",
		},
		{
			name: "remove a middle line",
			old:  "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
			new:  "1\n2\n3\n4\n6\n7\n8\n9\n10\n",
			want: "@@ -2,7 +2,6 @@\n 2\n 3\n 4\n-5\n 6\n 7\n 8\n",
		},
		{
			name: "six equal lines between changes merge",
			old:  "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			new:  "X\n2\n3\n4\n5\n6\n7\nY\n9\n",
			want: "@@ -1,9 +1,9 @@\n-1\n+X\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+Y\n 9\n",
		},
		{
			name: "seven equal lines between changes split",
			old:  "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			new:  "X\n2\n3\n4\n5\n6\n7\n8\nY\n",
			want: "@@ -1,4 +1,4 @@\n-1\n+X\n 2\n 3\n 4\n@@ -6,4 +6,4 @@\n 6\n 7\n 8\n-9\n+Y\n",
		},
		{
			name: "final newline added",
			old:  "a\nb",
			new:  "a\nb\n",
			want: "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := UnifiedDiff("a/f", "b/f", []byte(tt.old), []byte(tt.new))
			assert.Equal(t, "--- a/f\n+++ b/f\n"+tt.want, got)
		})
	}
}

func TestUnifiedDiffEqualIsEmpty(t *testing.T) {
	assert.Empty(t, UnifiedDiff("a", "b", []byte("x\ny\n"), []byte("x\ny\n")))
	assert.Empty(t, UnifiedDiff("a", "b", nil, []byte{}))
}

func TestUnifiedDiffDevNullHeaders(t *testing.T) {
	got := UnifiedDiff("/dev/null", "b/new.go", nil, []byte("package p\n"))
	assert.Equal(t, "--- /dev/null\n+++ b/new.go\n@@ -0,0 +1 @@\n+package p\n", got)
}

// TestUnifiedDiffRandom checks, on random inputs over a small alphabet,
// that applying the diff to old gives new and that the diff changes no
// more lines than a longest common subsequence requires.
func TestUnifiedDiffRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		old := randomText(rng)
		new := randomText(rng)
		if rng.IntN(3) == 0 {
			new = mutate(rng, old)
		}
		d := UnifiedDiff("a", "b", []byte(old), []byte(new))
		got, changed, err := applyUnified(old, d)
		require.NoError(t, err, "case %d\nold:\n%s\nnew:\n%s\ndiff:\n%s", i, old, new, d)
		require.Equal(t, new, got, "case %d: applying the diff does not give new\ndiff:\n%s", i, d)
		a, b := splitLines(old), splitLines(new)
		want := len(a) + len(b) - 2*lcsLength(a, b)
		require.Equal(t, want, changed, "case %d: diff is not minimal\nold:\n%q\nnew:\n%q\ndiff:\n%s", i, old, new, d)
	}
}

func TestUnifiedDiffLargeDisjointInputs(t *testing.T) {
	var old, new strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&old, "old %d\n", i)
		fmt.Fprintf(&new, "new %d\n", i)
	}
	d := UnifiedDiff("a", "b", []byte(old.String()), []byte(new.String()))
	got, changed, err := applyUnified(old.String(), d)
	require.NoError(t, err)
	assert.Equal(t, new.String(), got)
	assert.Equal(t, 40000, changed)
}

func randomText(rng *rand.Rand) string {
	var b strings.Builder
	n := rng.IntN(14)
	for range n {
		b.WriteString(string(rune('a' + rng.IntN(4))))
		b.WriteByte('\n')
	}
	s := b.String()
	if s != "" && rng.IntN(5) == 0 {
		s = s[:len(s)-1]
	}
	return s
}

// mutate changes a few lines of text, so that diffs have long equal runs.
func mutate(rng *rand.Rand, text string) string {
	lines := splitLines(strings.Repeat(text, 3))
	for range rng.IntN(4) + 1 {
		if len(lines) == 0 {
			break
		}
		i := rng.IntN(len(lines))
		switch rng.IntN(3) {
		case 0:
			lines = append(lines[:i], lines[i+1:]...)
		case 1:
			lines[i] = "z\n"
		default:
			lines = append(lines[:i], append([]string{"y\n"}, lines[i:]...)...)
		}
	}
	return strings.Join(lines, "")
}

func lcsLength(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

// applyUnified applies a unified diff of one file to old, checking every
// context and deleted line and both counts of every hunk header. It
// returns the new text and the number of deleted and inserted lines.
func applyUnified(old, diff string) (string, int, error) {
	if diff == "" {
		return old, 0, nil
	}
	src := splitLines(old)
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return "", 0, fmt.Errorf("missing headers")
	}
	var out []string
	pos, changed := 0, 0
	i := 2
	for i < len(lines) && lines[i] != "" {
		var oldStart, oldCount, newStart, newCount int
		if err := parseHunkHeader(lines[i], &oldStart, &oldCount, &newStart, &newCount); err != nil {
			return "", 0, err
		}
		i++
		first := oldStart - 1
		if oldCount == 0 {
			first = oldStart
		}
		if first < pos {
			return "", 0, fmt.Errorf("hunk %q overlaps the previous one", lines[i-1])
		}
		wantNew := len(out) + first - pos // new lines before the hunk
		if newCount > 0 {
			wantNew++
		}
		if newStart != wantNew {
			return "", 0, fmt.Errorf("hunk %q: new start is %d, want %d", lines[i-1], newStart, wantNew)
		}
		out = append(out, src[pos:first]...)
		pos = first
		seenOld, seenNew := 0, 0
		for i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@") {
			line := lines[i][1:]
			i++
			if i < len(lines) && lines[i] == "\\ No newline at end of file\n" {
				line = strings.TrimSuffix(line, "\n")
				i++
			}
			switch prefix := diffPrefix(lines, i); prefix {
			case ' ', '-':
				if pos >= len(src) || src[pos] != line {
					return "", 0, fmt.Errorf("line %d of old is %q, the diff expects %q", pos+1, at(src, pos), line)
				}
				pos++
				seenOld++
				if prefix == ' ' {
					out = append(out, line)
					seenNew++
				} else {
					changed++
				}
			case '+':
				out = append(out, line)
				seenNew++
				changed++
			default:
				return "", 0, fmt.Errorf("bad line prefix %q", prefix)
			}
		}
		if seenOld != oldCount || seenNew != newCount {
			return "", 0, fmt.Errorf("hunk counts -%d +%d, lines -%d +%d", oldCount, newCount, seenOld, seenNew)
		}
	}
	out = append(out, src[pos:]...)
	return strings.Join(out, ""), changed, nil
}

// diffPrefix returns the prefix character of the diff line just consumed,
// skipping back over a "\ No newline" marker.
func diffPrefix(lines []string, next int) byte {
	l := lines[next-1]
	if strings.HasPrefix(l, "\\") {
		l = lines[next-2]
	}
	return l[0]
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<end of file>"
}

func parseHunkHeader(line string, oldStart, oldCount, newStart, newCount *int) error {
	var oldRange, newRange string
	if _, err := fmt.Sscanf(line, "@@ -%s +%s @@\n", &oldRange, &newRange); err != nil {
		return fmt.Errorf("bad hunk header %q: %w", line, err)
	}
	if err := parseRange(oldRange, oldStart, oldCount); err != nil {
		return err
	}
	return parseRange(newRange, newStart, newCount)
}

func parseRange(r string, start, count *int) error {
	s, c, hasCount := strings.Cut(r, ",")
	var err error
	if *start, err = strconv.Atoi(s); err != nil {
		return err
	}
	*count = 1
	if hasCount {
		if *count, err = strconv.Atoi(c); err != nil {
			return err
		}
	}
	return nil
}
