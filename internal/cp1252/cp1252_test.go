package cp1252

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestLikeCharmap: every byte reads as x/text's charmap.Windows1252
// reads it, and text as its decoder decodes it.
func TestLikeCharmap(t *testing.T) {
	for b := range 256 {
		if got, want := Rune(byte(b)), charmap.Windows1252.DecodeByte(byte(b)); got != want {
			t.Errorf("Rune(0x%02X) = %U, want %U", b, got, want)
		}
	}
	texts := [][]byte{nil, []byte("Förlopp;Kod\r\n"), []byte("F\xf6rlopp;\x80\x81\x8d\x8f\x90\x9d\x9f\xa0\xff")}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		b := make([]byte, rng.IntN(64))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		texts = append(texts, b)
	}
	for _, text := range texts {
		want, err := charmap.Windows1252.NewDecoder().Bytes(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := AppendDecoded([]byte("x"), text); !bytes.Equal(got, append([]byte("x"), want...)) {
			t.Errorf("AppendDecoded(%q) = %q, want %q", text, got[1:], want)
		}
	}
}
