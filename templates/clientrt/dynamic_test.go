package clientrt_test

import (
	"regexp"
	"testing"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/templates/clientrt"
)

func TestDynamicVariablesAllSupported(t *testing.T) {
	s := clientrt.NewSession()
	names := model.DynamicVariables()
	if len(names) < 100 {
		t.Fatalf("model.DynamicVariables() returns %d names, want Postman's full list", len(names))
	}
	for _, name := range names {
		v, err := s.Expand("{{" + name + "}}")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if v == "" {
			t.Errorf("%s expands to an empty string", name)
		}
	}
}

func TestDynamicVariableShapes(t *testing.T) {
	shapes := map[string]string{
		"$guid":                 `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
		"$timestamp":            `^[0-9]{10}$`,
		"$isoTimestamp":         `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$`,
		"$randomInt":            `^([0-9]|[1-9][0-9]{1,2}|1000)$`,
		"$randomPhoneNumber":    `^[2-9][0-9]{2}-[0-9]{3}-[0-9]{4}$`,
		"$randomPhoneNumberExt": `^[0-9]{1,2}-[2-9][0-9]{2}-[0-9]{3}-[0-9]{4}$`,
		"$randomLatitude":       `^-?[0-9]{1,2}\.[0-9]{4}$`,
		"$randomLongitude":      `^-?[0-9]{1,3}\.[0-9]{4}$`,
		"$randomDatePast":       `^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT\+0000 \(Coordinated Universal Time\)$`,
		"$randomBankAccount":    `^[0-9]{8}$`,
		"$randomCreditCardMask": `^[0-9]{4}$`,
		"$randomPrice":          `^[0-9]{1,4}\.[0-9]{2}$`,
		"$randomCurrencyCode":   `^[A-Z]{3}$`,
		"$randomBitcoin":        `^[13][1-9A-HJ-NP-Za-km-z]{25,33}$`,
		"$randomBankAccountBic": `^[A-Z]{6}[A-Z0-9]{2}$`,
		"$randomEmail":          `^[A-Za-z]+\.[A-Za-z]+[0-9]{1,2}@[a-z.]+$`,
		"$randomExampleEmail":   `@example\.(com|net|org)$`,
		"$randomUrl":            `^https?://[a-z]+\.[a-z]+$`,
		"$randomIP":             `^(\d{1,3}\.){3}\d{1,3}$`,
		"$randomIPV6":           `^([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}$`,
		"$randomHexColor":       `^#[0-9a-f]{6}$`,
		"$randomMACAddress":     `^([0-9a-f]{2}:){5}[0-9a-f]{2}$`,
		"$randomPassword":       `^[0-9A-Za-z_]{15}$`,
		"$randomLoremSlug":      `^[a-z]+-[a-z]+-[a-z]+$`,
		"$randomLoremSentence":  `^[A-Z][a-z ]+\.$`,
		"$randomUUID":           `^[0-9a-f-]{36}$`,
		"$randomBoolean":        `^(true|false)$`,
		"$randomAlphaNumeric":   `^[0-9a-z]$`,
		"$randomFileName":       `^[a-z]+_[a-z]+\.[a-z0-9]+$`,
		"$randomFilePath":       `^/[A-Za-z/]*/[a-z]+_[a-z]+\.[a-z0-9]+$`,
		"$randomSemver":         `^[0-9]\.[0-9]\.[0-9]$`,
		"$randomMonth":          `^[A-Z][a-z]+$`,
		"$randomImageDataUri":   `^data:image/svg\+xml;charset=UTF-8,%3Csvg`,
	}
	s := clientrt.NewSession()
	for name, shape := range shapes {
		re := regexp.MustCompile(shape)
		for range 20 {
			v, err := s.Expand("{{" + name + "}}")
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !re.MatchString(v) {
				t.Errorf("%s = %q, want a match of %s", name, v, shape)
				break
			}
		}
	}
}

func TestDynamicIBANCheckDigits(t *testing.T) {
	s := clientrt.NewSession()
	for range 50 {
		v, err := s.Expand("{{$randomBankAccountIban}}")
		if err != nil {
			t.Fatal(err)
		}
		if !ibanValid(v) {
			t.Fatalf("IBAN %q has invalid check digits", v)
		}
	}
}

// ibanValid checks an IBAN by the ISO 13616 rule: the country code and
// check digits moved to the end, letters as 10..35, is 1 modulo 97.
func ibanValid(s string) bool {
	if len(s) < 5 {
		return false
	}
	rearranged := s[4:] + s[:4]
	rem := 0
	for _, c := range rearranged {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			rem = (rem*100 + int(c-'A') + 10) % 97
		default:
			return false
		}
	}
	return rem == 1
}
