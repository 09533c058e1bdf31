package compiler

import "strings"

// The shapes the checker and the guide's refs are read with, written out
// instead of as regular expressions: compiling the seven expressions and
// running them on every load was a few per cent of a 100-row eval (issue
// 16). TestMatchersAgreeWithPatterns holds each to the expression it
// stands for, written in its comment.

// digits reports whether s is n ASCII digits.
func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isDateShape: ^\d{4}-\d{2}-\d{2}$
func isDateShape(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && digits(s[:4], 4) && digits(s[5:7], 2) && digits(s[8:], 2)
}

// isSuffix: ^\d{2}$
func isSuffix(s string) bool { return digits(s, 2) }

// isICD10: ^[A-Z]\d{2}(\.\d{1,2})?$
func isICD10(s string) bool {
	if len(s) < 3 || s[0] < 'A' || s[0] > 'Z' || !digits(s[1:3], 2) {
		return false
	}
	rest := s[3:]
	if rest == "" {
		return true
	}
	return rest[0] == '.' && (digits(rest[1:], 1) || digits(rest[1:], 2))
}

// isVersion: ^\d+(\.\d+)*$
func isVersion(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			if !isDigit(part[i]) {
				return false
			}
		}
	}
	return true
}

// isIdentKey: ^[a-z][a-z0-9_]*$
func isIdentKey(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z') && !isDigit(c) && c != '_' {
			return false
		}
	}
	return true
}

// cutQuotations finds the quotations of a ref, (?::\s*)?"([^"]*)" (a
// quotation with the colon that introduces it, \s being [\t\n\f\r ]),
// leftmost first and not overlapping as a regular expression finds
// them: it returns what the quotation marks hold, and ref without the
// quotations.
func cutQuotations(ref string) (quotes []string, rest string) {
	var b strings.Builder
	from := 0 // ref[from:] is not yet in b
	for i := 0; i < len(ref); i++ {
		open := -1
		switch ref[i] {
		case ':':
			j := i + 1
			for j < len(ref) && strings.IndexByte("\t\n\f\r ", ref[j]) >= 0 {
				j++
			}
			if j < len(ref) && ref[j] == '"' {
				open = j
			}
		case '"':
			open = i
		}
		if open < 0 {
			continue
		}
		end := strings.IndexByte(ref[open+1:], '"')
		if end < 0 {
			continue // no closing mark: nothing from here on is quoted
		}
		end += open + 1
		quotes = append(quotes, ref[open+1:end])
		b.WriteString(ref[from:i])
		from = end + 1
		i = end
	}
	if from == 0 {
		return quotes, ref
	}
	b.WriteString(ref[from:])
	return quotes, b.String()
}

// codesInRef returns the two digits of each code the way refs write it,
// VXX([0-9]{2}), in order.
func codesInRef(ref string) []string {
	var out []string
	for i := 0; i+5 <= len(ref); {
		k := strings.Index(ref[i:], "VXX")
		if k < 0 {
			break
		}
		i += k
		if i+5 <= len(ref) && isDigit(ref[i+3]) && isDigit(ref[i+4]) {
			out = append(out, ref[i+3:i+5])
			i += 5
			continue
		}
		i++
	}
	return out
}
