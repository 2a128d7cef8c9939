package clientrt

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"strconv"
	"time"
)

// dynamicValue returns a new value of the Postman dynamic variable name,
// "$guid". Each reference gets its own value, as in Postman. Random values
// come from crypto/rand and times from now.
//
// Only the dynamic variables whose values an API client can use without
// Postman's fake-data word lists are supported; names, addresses and lorem
// text are not.
func dynamicValue(name string, now func() time.Time) (string, error) {
	switch name {
	case "$guid", "$randomUUID":
		return newUUID(), nil
	case "$timestamp":
		// Postman rounds Date.now()/1000 to the nearest second.
		ms := now().UnixMilli()
		return strconv.FormatInt((ms+500)/1000, 10), nil
	case "$isoTimestamp":
		return isoTimestamp(now()), nil
	case "$randomInt":
		return strconv.FormatUint(randomBelow(1001), 10), nil
	case "$randomBoolean":
		return strconv.FormatBool(randomBelow(2) == 1), nil
	case "$randomAlphaNumeric":
		return randomString(1, "0123456789abcdefghijklmnopqrstuvwxyz"), nil
	case "$randomPassword":
		return randomString(15, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"), nil
	case "$randomHexColor":
		return "#" + randomString(6, "0123456789abcdef"), nil
	case "$randomIP":
		return fmt.Sprintf("%d.%d.%d.%d", randomBelow(256), randomBelow(256), randomBelow(256), randomBelow(256)), nil
	case "$randomIPV6":
		return fmt.Sprintf("%x:%x:%x:%x:%x:%x:%x:%x",
			randomBelow(1<<16), randomBelow(1<<16), randomBelow(1<<16), randomBelow(1<<16),
			randomBelow(1<<16), randomBelow(1<<16), randomBelow(1<<16), randomBelow(1<<16)), nil
	case "$randomMACAddress":
		var b [6]byte
		_, _ = rand.Read(b[:])
		return fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]), nil
	case "$randomPrice":
		cents := randomBelow(100_001)
		return fmt.Sprintf("%d.%02d", cents/100, cents%100), nil
	case "$randomBankAccount":
		return randomString(8, "0123456789"), nil
	case "$randomSemver":
		return fmt.Sprintf("%d.%d.%d", randomBelow(10), randomBelow(10), randomBelow(10)), nil
	}
	return "", fmt.Errorf("variable %q is not set and is not a supported dynamic variable", name)
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
