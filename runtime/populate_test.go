package runtime

import (
	"reflect"
	"testing"
)

// TestPopulated: the room is n zero values that can be written and read
// back, the same for every size; giving it back is safe once.
func TestPopulated(t *testing.T) {
	for _, n := range []int{0, 1, 7, 4096, 1 << 16} {
		recs, release := populated[groupRec](n)
		if len(recs) != n {
			t.Fatalf("populated(%d) has %d values", n, len(recs))
		}
		for i := range recs {
			if recs[i] != (groupRec{}) {
				t.Fatalf("populated(%d)[%d] = %+v, want zero", n, i, recs[i])
			}
			recs[i].rows = uint32(i)
		}
		for i := range recs {
			if recs[i].rows != uint32(i) {
				t.Fatalf("populated(%d)[%d].rows = %d, want %d", n, i, recs[i].rows, i)
			}
		}
		release()
	}
}

// TestPopulatedTypesHoldNoPointers: the garbage collector does not look
// into populated room, so a pointer kept there (a string, a slice, a
// map) would let what it points to be freed while it is still read. A
// field of such a kind added to one of these records fails here.
func TestPopulatedTypesHoldNoPointers(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[groupRec](), reflect.TypeFor[eventRec](), reflect.TypeFor[uint64]()} {
		if path, ok := pointerIn(typ, typ.Name()); ok {
			t.Errorf("%s holds a pointer (%s): it cannot live in populated room", typ, path)
		}
	}
}

// pointerIn reports the first place in typ that holds a pointer.
func pointerIn(typ reflect.Type, path string) (string, bool) {
	switch typ.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return "", false
	case reflect.Array:
		return pointerIn(typ.Elem(), path+"[]")
	case reflect.Struct:
		for i := range typ.NumField() {
			f := typ.Field(i)
			if p, ok := pointerIn(f.Type, path+"."+f.Name); ok {
				return p, true
			}
		}
		return "", false
	default:
		return path + " (" + typ.Kind().String() + ")", true
	}
}
