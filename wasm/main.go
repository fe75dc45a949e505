//go:build js && wasm

// Command wasm is the WebAssembly bridge of keypoints: it registers one global object, __keypoints, whose
// functions read options, call the summarize package, and hand back the summary's text, or its JSON with UTF-16
// offsets. It is glue only: every decision about summaries lives in package summarize.
//
// Every function does its work in the callback and returns its value, or an Error carrying the engine's code, which
// keypoints.engine.js throws. The work never waits on JavaScript, which a callback would deadlock by holding its
// event loop, and a goroutine would not move it off the caller's thread: WebAssembly has one thread, and Go runs
// every ready goroutine before a callback returns to JavaScript. A Promise and a goroutine per call cost about 80 µs
// of a 2 ms article, and buy nothing. A panic is recovered here, at the boundary, and becomes an Error with code
// "internal".
package main

import (
	"syscall/js"

	"keypoints/summarize"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("summarize", bridged(func(args []js.Value) (any, error) {
		text, opts, err := textAndOptions(args)
		if err != nil {
			return nil, err
		}
		s, err := summarize.Text(text, opts)
		if err != nil {
			return nil, err
		}
		b, err := toUTF16(text, s).MarshalJSON()
		if err != nil {
			return nil, err
		}
		return string(b), nil
	}))
	// text is summarize's text alone, for the Summarizer API's summarize(): the facts are skipped and nothing else
	// crosses the boundary, which makes it the cheaper call.
	api.Set("text", bridged(func(args []js.Value) (any, error) {
		text, opts, err := textAndOptions(args)
		if err != nil {
			return nil, err
		}
		opts.SkipFacts = true
		s, err := summarize.Text(text, opts)
		if err != nil {
			return nil, err
		}
		return s.Text, nil
	}))
	api.Set("validate", bridged(func(args []js.Value) (any, error) {
		_, opts, err := textAndOptions(append([]js.Value{js.ValueOf("")}, args...))
		if err != nil {
			return nil, err
		}
		return nil, opts.Validate()
	}))
	api.Set("warm", bridged(func([]js.Value) (any, error) {
		// A tiny text loads the tagger, the one slow step, before the user's first summary needs it.
		_, err := summarize.Text("The model loads before the first summary is asked for.", summarize.Options{})
		return nil, err
	}))
	api.Set("maxTextBytes", summarize.MaxTextBytes)
	js.Global().Set("__keypoints", api)
	select {}
}

// textAndOptions reads (text, options) arguments, options an object as optionsValue reads it.
func textAndOptions(args []js.Value) (string, summarize.Options, error) {
	if len(args) == 0 || args[0].Type() != js.TypeString {
		return "", summarize.Options{}, optionsError("text must be a string")
	}
	var opts summarize.Options
	if len(args) > 1 {
		var err error
		if opts, err = decodeOptions(args[1]); err != nil {
			return "", opts, err
		}
	}
	return args[0].String(), opts, opts.Validate()
}

// lastOptions holds the options object read last. The engine hands over the same object for as long as its
// options stay the same, and each field read is a call into JavaScript. Calls come one at a time, in JavaScript's
// thread, so it needs no lock.
var lastOptions struct {
	v    js.Value
	opts summarize.Options
	err  error
}

// decodeOptions reads summarize.Options from a JavaScript object whose fields are the json names of Options' fields;
// undefined and null, for the object or a field, mean the default, and any other field is ignored, as
// encoding/json would. The options are read field by field rather than as JSON: encoding/json's decoder would
// be a tenth of the module, and the library writes its JSON without it.
func decodeOptions(v js.Value) (summarize.Options, error) {
	var opts summarize.Options
	switch v.Type() {
	case js.TypeUndefined, js.TypeNull:
		return opts, nil
	case js.TypeObject:
	default:
		return opts, optionsError("the options must be an object")
	}
	if v.Equal(lastOptions.v) {
		return lastOptions.opts, lastOptions.err
	}
	err := readOptions(v, &opts)
	lastOptions.v, lastOptions.opts, lastOptions.err = v, opts, err
	return opts, err
}

func readOptions(v js.Value, opts *summarize.Options) error {
	for _, f := range []struct {
		name string
		to   *string
	}{{"type", &opts.Type}, {"length", &opts.Length}, {"format", &opts.Format}, {"kind", &opts.Kind}} {
		switch x := v.Get(f.name); x.Type() {
		case js.TypeString:
			*f.to = x.String()
		case js.TypeUndefined, js.TypeNull:
		default:
			return optionsError("options." + f.name + " must be a string")
		}
	}
	switch x := v.Get("skipFacts"); x.Type() {
	case js.TypeBoolean:
		opts.SkipFacts = x.Bool()
	case js.TypeUndefined, js.TypeNull:
	default:
		return optionsError("options.skipFacts must be a boolean")
	}
	return nil
}

// bridged wraps fn as a JavaScript function that returns fn's value, or an Error with the code of fn's error.
func bridged(fn func(args []js.Value) (any, error)) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				result = jsError("internal", "keypoints: internal error: "+panicText(r))
			}
		}()
		v, err := fn(args)
		if err != nil {
			return jsError(summarize.Code(err), err.Error())
		}
		return v
	})
}

// optionsError is an argument the bridge refuses, with summarize.ErrInvalidOptions' code. The bridge, like the
// library, does without fmt, which is a twentieth of the module.
type optionsError string

func (e optionsError) Error() string { return summarize.ErrInvalidOptions.Error() + ": " + string(e) }
func (e optionsError) Unwrap() error { return summarize.ErrInvalidOptions }

// panicText says what a recovered panic held, as fmt.Sprint would for an error or a string.
func panicText(r any) string {
	switch r := r.(type) {
	case error:
		return r.Error()
	case string:
		return r
	}
	return "a panic of an unexpected kind"
}

// jsError is an Error carrying our stable code.
func jsError(code, msg string) js.Value {
	e := js.Global().Get("Error").New(msg)
	e.Set("code", code)
	return e
}
