package schema

// The types in this file are compiled into the tests, to be marshalled by
// encoding/json, and type-checked by TestEncodingJSONCompat, to be
// reflected: the two must agree on the members written. Keep this file
// free of imports so that it type-checks on its own.

type jcBase struct {
	ID   string
	Name string
}

type jcAudit struct {
	CreatedBy string
	Name      string
	Note      string `json:"note,omitempty"`
}

type jcInner struct {
	Exported int
	hidden   int
}

type jcLevel2 struct {
	ID    int
	Extra int
}

type JCLabels []string

type jcCode int

type jcTagged struct {
	Value int `json:"Value"`
}

type jcUntagged struct {
	Value int
	Other int `json:"other"`
}

type jcDeep struct{ jcDeeper }

type jcDeeper struct {
	Own  int // hidden by JCOuter.Own
	Deep int
}

type jcPoint struct{ X, Y int }

type jcTwice struct{ Twice int }

type jcTwiceA struct{ jcTwice }

type jcTwiceB struct{ jcTwice }

type JCOuter struct {
	jcBase
	*jcAudit
	jcInner
	jcLevel2
	JCLabels
	jcCode
	jcTagged
	jcUntagged
	jcDeep
	jcTwiceA // Twice at depth 2 twice: dropped
	jcTwiceB
	jcPoint `json:"pt"`

	Own    string         `json:"Own"`
	Skip   int            `json:"-"`
	Dash   int            `json:"-,"`
	Empty  string         `json:",omitempty"`
	Point  jcPoint        `json:"point,omitempty"`
	PointZ jcPoint        `json:"pointz,omitzero"`
	Arr    [2]int         `json:",omitempty"`
	Arr0   [0]int         `json:",omitempty"`
	Ptr    *int           `json:",omitempty"`
	Quoted int            `json:",string"`
	Map    map[string]int `json:",omitempty"`
	Named  jcBase         `json:"named"`
	Bad    int            `json:"a\\b"`
	hidden int
}
