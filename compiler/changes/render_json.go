package changes

import (
	"encoding/json"
	"io"
)

type jsonSide struct {
	Rules   string `json:"rules"`
	Version string `json:"version"`
	Date    string `json:"date"`
	Title   string `json:"title"`
}

type jsonCounts struct {
	Action int `json:"action"`
	Review int `json:"review"`
	Info   int `json:"info"`
}

type jsonChange struct {
	ID          string      `json:"id"`
	Level       string      `json:"level"`
	Meta        bool        `json:"meta,omitempty"`
	Pathway     string      `json:"pathway"`
	PathwayName string      `json:"pathway_name,omitempty"`
	Pathways    []string    `json:"pathways,omitempty"`
	Code        string      `json:"code"`
	Suffix      string      `json:"suffix,omitempty"`
	CodeName    string      `json:"code_name,omitempty"`
	Subject     string      `json:"subject,omitempty"`
	Message     string      `json:"message"`
	Old         string      `json:"old"`
	New         string      `json:"new"`
	OldPos      string      `json:"old_pos,omitempty"`
	NewPos      string      `json:"new_pos,omitempty"`
	Episodes    *jsonEffect `json:"episodes,omitempty"`
}

type jsonEpisodes struct {
	N        int      `json:"n"`
	Examples []string `json:"examples"`
}

type jsonEffect struct {
	GainFinding     jsonEpisodes `json:"gain_finding"`
	LoseFinding     jsonEpisodes `json:"lose_finding"`
	Reportability   jsonEpisodes `json:"reportability"`
	LeadTimeVerdict jsonEpisodes `json:"leadtime_verdict"`
}

type jsonImpact struct {
	Files        []string `json:"files"`
	Episodes     int      `json:"episodes"`
	RowsRead     int      `json:"rows_read"`
	RowsRejected int      `json:"rows_rejected"`
	// EpisodesIncomplete are the episodes with a rejected row, judged by
	// neither version; Rejected the rows, as eval's json has them.
	EpisodesIncomplete int           `json:"episodes_incomplete"`
	Rejected           []RejectedRow `json:"rejected"`
	Total              jsonEffect    `json:"total"`
	Unattributed       jsonEffect    `json:"unattributed"`
}

type jsonFileDiff struct {
	Old  string `json:"old"`
	New  string `json:"new"`
	Diff string `json:"diff"`
}

type jsonReport struct {
	From     jsonSide        `json:"from"`
	To       jsonSide        `json:"to"`
	Status   Status          `json:"status"`
	Counts   jsonCounts      `json:"counts"`
	Hidden   int             `json:"hidden"`
	Changes  []jsonChange    `json:"changes"`
	Episodes *jsonImpact     `json:"episodes,omitempty"`
	TextDiff *[]jsonFileDiff `json:"text_diff,omitempty"`
}

func toJSONEffect(e Effect) jsonEffect {
	conv := func(x Episodes) jsonEpisodes {
		ex := x.Examples
		if ex == nil {
			ex = []string{}
		}
		return jsonEpisodes{N: x.N, Examples: ex}
	}
	return jsonEffect{conv(e.GainFinding), conv(e.LoseFinding), conv(e.Reportability), conv(e.LeadTimeVerdict)}
}

// WriteJSON writes the report as one JSON document: from, to, status,
// counts (the header's records, marked meta, are not counted), hidden
// (how many changes --level and --ignore left out), and changes with id,
// level, pathway, code, message (the Swedish line the text output shows),
// old, new (in Swedish words, or the rule files' text) and their places; with
// --episodes the effect on episodes, with --text the line diffs.
func WriteJSON(w io.Writer, r *Report) error {
	side := func(s Side) jsonSide { return jsonSide{s.Rules, s.Version, s.Date, s.Title} }
	n := CountLevels(r.Changes)
	out := jsonReport{From: side(r.From), To: side(r.To), Status: r.Status,
		Counts: jsonCounts{n.Action, n.Review, n.Info}, Hidden: r.Hidden, Changes: []jsonChange{}}
	for i, c := range r.Changes {
		jc := jsonChange{ID: c.ID, Level: c.Level.String(), Meta: c.Meta(), Pathway: c.Pathway, PathwayName: c.PathwayName, Pathways: c.Pathways,
			Code: c.Code, Suffix: c.Suffix, CodeName: c.CodeName, Subject: c.Subject, Message: c.Swedish,
			Old: c.Old, New: c.New, OldPos: c.OldPos.String(), NewPos: c.NewPos.String()}
		if r.Impact != nil && i < len(r.Impact.ByChange) && !r.Impact.ByChange[i].Empty() {
			e := toJSONEffect(r.Impact.ByChange[i])
			jc.Episodes = &e
		}
		out.Changes = append(out.Changes, jc)
	}
	if im := r.Impact; im != nil {
		rejected := im.Rejected
		if rejected == nil {
			rejected = []RejectedRow{}
		}
		out.Episodes = &jsonImpact{Files: im.Files, Episodes: im.Episodes, RowsRead: im.RowsRead, RowsRejected: im.RowsRejected,
			EpisodesIncomplete: im.Incomplete, Rejected: rejected,
			Total: toJSONEffect(im.Total), Unattributed: toJSONEffect(im.Unattributed)}
	}
	if r.WithTextDiff {
		diffs := []jsonFileDiff{}
		for _, f := range r.TextDiff {
			diffs = append(diffs, jsonFileDiff{f.Old, f.New, f.Unified})
		}
		out.TextDiff = &diffs
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
