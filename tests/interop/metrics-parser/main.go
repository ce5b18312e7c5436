// metrics-parser parses a Prometheus text exposition with the Prometheus project's own parser
// (expfmt, from Debian's golang-github-prometheus-common-dev), an implementation independent of
// the one that wrote it, and prints every sample as JSON:
// [{"family":"x","type":"COUNTER","labels":{"door":"oci"},"value":3}, ...]; histograms as their
// _bucket/_sum/_count samples.
//
// Usage: metrics-parser <exposition.txt>
// Exit codes: 0 parsed, 1 not valid text format or unreadable, 64 bad command line.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
)

type sample struct {
	Family string            `json:"family"`
	Name   string            `json:"name"`
	Type   string            `json:"type"`
	Labels map[string]string `json:"labels"`
	Value  float64           `json:"value"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: metrics-parser <exposition.txt>")
		os.Exit(64)
	}
	file, err := os.Open(os.Args[1])
	if err != nil {
		fail("cannot open: %v", err)
	}
	defer file.Close()
	var parser expfmt.TextParser
	families, err := parser.TextToMetricFamilies(file)
	if err != nil {
		fail("not valid Prometheus text format: %v", err)
	}
	names := make([]string, 0, len(families))
	for name := range families {
		names = append(names, name)
	}
	sort.Strings(names)
	samples := []sample{}
	for _, name := range names {
		family := families[name]
		kind := family.GetType().String()
		for _, metric := range family.GetMetric() {
			labels := map[string]string{}
			for _, pair := range metric.GetLabel() {
				labels[pair.GetName()] = pair.GetValue()
			}
			samples = append(samples, values(name, kind, labels, metric)...)
		}
	}
	out, _ := json.Marshal(samples)
	fmt.Println(string(out))
}

func values(name, kind string, labels map[string]string, metric *dto.Metric) []sample {
	one := func(suffix string, extra map[string]string, value float64) sample {
		merged := map[string]string{}
		for k, v := range labels {
			merged[k] = v
		}
		for k, v := range extra {
			merged[k] = v
		}
		return sample{Family: name, Name: name + suffix, Type: kind, Labels: merged, Value: value}
	}
	switch {
	case metric.Counter != nil:
		return []sample{one("", nil, metric.GetCounter().GetValue())}
	case metric.Gauge != nil:
		return []sample{one("", nil, metric.GetGauge().GetValue())}
	case metric.Histogram != nil:
		h := metric.GetHistogram()
		result := []sample{}
		for _, bucket := range h.GetBucket() {
			result = append(result, one("_bucket", map[string]string{"le": strconv.FormatFloat(bucket.GetUpperBound(), 'g', -1, 64)}, float64(bucket.GetCumulativeCount())))
		}
		result = append(result, one("_sum", nil, h.GetSampleSum()), one("_count", nil, float64(h.GetSampleCount())))
		return result
	default:
		return []sample{one("", nil, metric.GetUntyped().GetValue())}
	}
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "metrics-parser: "+format+"\n", args...)
	os.Exit(1)
}
