package clientrt

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"math/big"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// dynamicValue returns a new value of the Postman dynamic variable name,
// "$guid". Each reference gets its own value, as in Postman. Random values
// come from crypto/rand and times from now.
//
// Every dynamic variable of postman-collection 4.x is supported. Postman
// draws names, addresses and lorem text from faker's word lists; the
// values here come from small built-in lists and have the same shape, not
// the same vocabulary.
func dynamicValue(name string, now func() time.Time) (string, error) {
	if list, ok := dynamicLists[name]; ok {
		return pick(list), nil
	}
	if gen, ok := dynamicGenerators[name]; ok {
		return gen(now), nil
	}
	return "", fmt.Errorf("variable %q is not set and is not a supported dynamic variable", name)
}

// dynamicGenerators are the dynamic variables whose values are built
// rather than picked from one list.
var dynamicGenerators = map[string]func(now func() time.Time) string{
	"$guid":       func(func() time.Time) string { return newUUID() },
	"$randomUUID": func(func() time.Time) string { return newUUID() },
	"$timestamp": func(now func() time.Time) string {
		// Postman rounds Date.now()/1000 to the nearest second.
		ms := now().UnixMilli()
		return strconv.FormatInt((ms+500)/1000, 10)
	},
	"$isoTimestamp":       func(now func() time.Time) string { return isoTimestamp(now()) },
	"$randomInt":          func(func() time.Time) string { return strconv.FormatUint(randomBelow(1001), 10) },
	"$randomBoolean":      func(func() time.Time) string { return strconv.FormatBool(randomBelow(2) == 1) },
	"$randomAlphaNumeric": func(func() time.Time) string { return randomString(1, lowerAlphaNumeric) },
	"$randomPassword":     func(func() time.Time) string { return randomString(15, alphaNumeric) },
	"$randomHexColor":     func(func() time.Time) string { return "#" + randomString(6, "0123456789abcdef") },
	"$randomIP": func(func() time.Time) string {
		return fmt.Sprintf("%d.%d.%d.%d", randomBelow(256), randomBelow(256), randomBelow(256), randomBelow(256))
	},
	"$randomIPV6": func(func() time.Time) string {
		groups := make([]string, 8)
		for i := range groups {
			groups[i] = strconv.FormatUint(randomBelow(1<<16), 16)
		}
		return strings.Join(groups, ":")
	},
	"$randomMACAddress": func(func() time.Time) string {
		var b [6]byte
		_, _ = rand.Read(b[:])
		return fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5])
	},
	"$randomPrice": func(func() time.Time) string {
		cents := randomBelow(100_001)
		return fmt.Sprintf("%d.%02d", cents/100, cents%100)
	},
	"$randomBankAccount":    func(func() time.Time) string { return randomString(8, digits) },
	"$randomCreditCardMask": func(func() time.Time) string { return randomString(4, digits) },
	"$randomSemver": func(func() time.Time) string {
		return fmt.Sprintf("%d.%d.%d", randomBelow(10), randomBelow(10), randomBelow(10))
	},
	"$randomPhoneNumber": func(func() time.Time) string { return phoneNumber() },
	"$randomPhoneNumberExt": func(func() time.Time) string {
		return strconv.FormatUint(1+randomBelow(99), 10) + "-" + phoneNumber()
	},
	"$randomWords":    func(func() time.Time) string { return words(dictionaryWords, 2+int(randomBelow(4))) },
	"$randomFilePath": func(func() time.Time) string { return pick(directoryPaths) + "/" + fileName(fileExtensions) },
	"$randomStreetAddress": func(func() time.Time) string {
		return strconv.FormatUint(1+randomBelow(9999), 10) + " " + pick(streetNames)
	},
	"$randomLatitude":  func(func() time.Time) string { return coordinate(90) },
	"$randomLongitude": func(func() time.Time) string { return coordinate(180) },
	"$randomProductName": func(func() time.Time) string {
		return pick(productAdjectives) + " " + pick(productMaterials) + " " + pick(products)
	},
	"$randomCompanyName": func(func() time.Time) string {
		return pick(lastNames) + " " + pick(companySuffixes)
	},
	"$randomCatchPhrase": func(func() time.Time) string {
		return pick(catchPhraseAdjectives) + " " + pick(catchPhraseDescriptors) + " " + pick(catchPhraseNouns)
	},
	"$randomBs": func(func() time.Time) string {
		return pick(bsBuzzwords) + " " + pick(bsAdjectives) + " " + pick(bsNouns)
	},
	"$randomDatePast": func(now func() time.Time) string {
		return jsDate(now().Add(-randomDuration(365 * 24 * time.Hour)))
	},
	"$randomDateFuture": func(now func() time.Time) string {
		return jsDate(now().Add(randomDuration(365 * 24 * time.Hour)))
	},
	"$randomDateRecent": func(now func() time.Time) string {
		return jsDate(now().Add(-randomDuration(24 * time.Hour)))
	},
	"$randomMonth":          func(func() time.Time) string { return time.Month(1 + randomBelow(12)).String() },
	"$randomWeekday":        func(func() time.Time) string { return time.Weekday(randomBelow(7)).String() },
	"$randomCurrencyCode":   func(func() time.Time) string { return pick(currencies).code },
	"$randomCurrencyName":   func(func() time.Time) string { return pick(currencies).name },
	"$randomCurrencySymbol": func(func() time.Time) string { return pick(currencies).symbol },
	"$randomBitcoin": func(func() time.Time) string {
		return pick([]string{"1", "3"}) + randomString(25+int(randomBelow(9)), base58)
	},
	"$randomBankAccountIban": func(func() time.Time) string { return iban() },
	"$randomBankAccountBic": func(func() time.Time) string {
		return randomString(4, upperLetters) + pick(countryCodes) + randomString(2, upperAlphaNumeric)
	},
	"$randomPhrase": func(func() time.Time) string {
		return fmt.Sprintf("If we %s the %s, we can get to the %s %s through the %s %s!",
			pick(hackerVerbs), pick(hackerNouns), pick(hackerAbbreviations), pick(hackerNouns), pick(hackerAdjectives), pick(hackerNouns))
	},
	"$randomAvatarImage": func(func() time.Time) string {
		return "https://images.example.com/avatars/" + pick(firstNames) + "_128.jpg"
	},
	"$randomImageUrl":       func(func() time.Time) string { return "http://images.example.com/640/480" },
	"$randomAbstractImage":  func(func() time.Time) string { return imageURL("abstract") },
	"$randomAnimalsImage":   func(func() time.Time) string { return imageURL("animals") },
	"$randomBusinessImage":  func(func() time.Time) string { return imageURL("business") },
	"$randomCatsImage":      func(func() time.Time) string { return imageURL("cats") },
	"$randomCityImage":      func(func() time.Time) string { return imageURL("city") },
	"$randomFoodImage":      func(func() time.Time) string { return imageURL("food") },
	"$randomNightlifeImage": func(func() time.Time) string { return imageURL("nightlife") },
	"$randomFashionImage":   func(func() time.Time) string { return imageURL("fashion") },
	"$randomPeopleImage":    func(func() time.Time) string { return imageURL("people") },
	"$randomNatureImage":    func(func() time.Time) string { return imageURL("nature") },
	"$randomSportsImage":    func(func() time.Time) string { return imageURL("sports") },
	"$randomTransportImage": func(func() time.Time) string { return imageURL("transport") },
	"$randomImageDataUri": func(func() time.Time) string {
		svg := `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="640" height="480">` +
			`<rect width="100%" height="100%" fill="` + pick(colorNames) + `"/></svg>`
		return "data:image/svg+xml;charset=UTF-8," + strings.ReplaceAll(url.QueryEscape(svg), "+", "%20")
	},
	"$randomEmail": func(func() time.Time) string {
		return userName() + "@" + pick([]string{"example.com", "example.net", "example.org", "mail.example"})
	},
	"$randomExampleEmail": func(func() time.Time) string {
		return userName() + "@" + pick([]string{"example.com", "example.net", "example.org"})
	},
	"$randomUserName":   func(func() time.Time) string { return userName() },
	"$randomUrl":        func(func() time.Time) string { return pick(protocols) + "://" + domainName() },
	"$randomDomainName": func(func() time.Time) string { return domainName() },
	"$randomLoremWords": func(func() time.Time) string { return words(loremWords, 3) },
	"$randomLoremSentence": func(func() time.Time) string {
		return sentence()
	},
	"$randomLoremSlug":      func(func() time.Time) string { return strings.ReplaceAll(words(loremWords, 3), " ", "-") },
	"$randomLoremSentences": func(func() time.Time) string { return sentences(2+int(randomBelow(5)), " ") },
	"$randomLoremParagraph": func(func() time.Time) string { return sentences(3, " ") },
	"$randomLoremParagraphs": func(func() time.Time) string {
		return sentences(3, " ") + "\n \r" + sentences(3, " ") + "\n \r" + sentences(3, " ")
	},
	"$randomLoremText":  func(func() time.Time) string { return sentences(1+int(randomBelow(4)), " ") },
	"$randomLoremLines": func(func() time.Time) string { return sentences(1+int(randomBelow(5)), "\n") },
	"$randomFullName":   func(func() time.Time) string { return pick(firstNames) + " " + pick(lastNames) },
	"$randomJobTitle": func(func() time.Time) string {
		return pick(jobDescriptors) + " " + pick(jobAreas) + " " + pick(jobTypes)
	},
	"$randomWord": func(func() time.Time) string { return pick(dictionaryWords) },
	"$randomFileName": func(func() time.Time) string {
		return fileName(fileExtensions)
	},
	"$randomCommonFileName": func(func() time.Time) string { return fileName(commonFileExtensions) },
}

const (
	digits            = "0123456789"
	upperLetters      = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	upperAlphaNumeric = upperLetters + digits
	lowerAlphaNumeric = digits + "abcdefghijklmnopqrstuvwxyz"
	alphaNumeric      = digits + upperLetters + "_abcdefghijklmnopqrstuvwxyz"
	base58            = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
)

// phoneNumber returns a 10-digit number in the form 555-123-4567.
func phoneNumber() string {
	return fmt.Sprintf("%d%s-%s-%s", 2+randomBelow(8), randomString(2, digits), randomString(3, digits), randomString(4, digits))
}

// coordinate returns a decimal degree in [-limit, limit] with four
// decimals.
func coordinate(limit uint64) string {
	v := int64(randomBelow(2*limit*10_000+1)) - int64(limit*10_000)
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%04d", sign, v/10_000, v%10_000)
}

// jsDate formats t in UTC the way JavaScript's Date.prototype.toString
// does in a process whose time zone is UTC.
func jsDate(t time.Time) string {
	return t.UTC().Format("Mon Jan 02 2006 15:04:05") + " GMT+0000 (Coordinated Universal Time)"
}

// randomDuration returns a random duration in [0, d).
func randomDuration(d time.Duration) time.Duration {
	return time.Duration(randomBelow(uint64(d)))
}

// iban returns an IBAN with valid check digits (ISO 13616): a country
// code, two check digits and 14 to 16 digits of account number.
func iban() string {
	country := pick(countryCodes)
	account := randomString(14+int(randomBelow(3)), digits)
	// The check digits make the number, rearranged with the letters as
	// 10..35, equal to 1 modulo 97.
	numeric := account + letterDigits(country) + "00"
	n, _ := new(big.Int).SetString(numeric, 10)
	check := 98 - new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("%s%02d%s", country, check, account)
}

func letterDigits(s string) string {
	var b strings.Builder
	for _, c := range s {
		b.WriteString(strconv.Itoa(int(c-'A') + 10))
	}
	return b.String()
}

func imageURL(category string) string {
	return "http://images.example.com/640/480/" + category
}

func userName() string {
	return pick(firstNames) + "." + pick(lastNames) + strconv.FormatUint(randomBelow(100), 10)
}

func domainName() string {
	return strings.ToLower(pick(firstNames)) + "." + pick(dynamicLists["$randomDomainSuffix"])
}

func fileName(extensions []string) string {
	return joinedWords(dictionaryWords, 2, "_") + "." + pick(extensions)
}

// words returns n random words of list in lower case, joined by spaces.
func words(list []string, n int) string {
	return joinedWords(list, n, " ")
}

func joinedWords(list []string, n int, sep string) string {
	out := make([]string, n)
	for i := range out {
		out[i] = strings.ToLower(pick(list))
	}
	return strings.Join(out, sep)
}

// sentence returns 3 to 10 lorem words, the first capitalised, ending in
// a period.
func sentence() string {
	s := words(loremWords, 3+int(randomBelow(8)))
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func sentences(n int, sep string) string {
	out := make([]string, n)
	for i := range out {
		out[i] = sentence()
	}
	return strings.Join(out, sep)
}

// pick returns a uniformly random element of list.
func pick[T any](list []T) T {
	return list[randomBelow(uint64(len(list)))]
}

// newUUID returns a random version 4 UUID in its 36-character form.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hex = "0123456789abcdef"
	var out [36]byte
	j := 0
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out[j] = '-'
			j++
		}
		out[j], out[j+1] = hex[c>>4], hex[c&0xf]
		j += 2
	}
	return string(out[:])
}

// isoTimestamp formats t the way JavaScript's Date.toISOString does.
func isoTimestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// randomBelow returns a uniformly random integer in [0, n).
func randomBelow(n uint64) uint64 {
	// Rejection sampling keeps the distribution uniform.
	limit := ^uint64(0) - ^uint64(0)%n
	var b [8]byte
	for {
		_, _ = rand.Read(b[:])
		if v := binary.LittleEndian.Uint64(b[:]); v < limit {
			return v % n
		}
	}
}

// randomString returns n characters drawn uniformly from alphabet.
func randomString(n int, alphabet string) string {
	out := make([]byte, n)
	for i := range out {
		out[i] = alphabet[randomBelow(uint64(len(alphabet)))]
	}
	return string(out)
}
