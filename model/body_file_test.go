package model

import "testing"

func TestFileContentTypeByExtension(t *testing.T) {
	tests := map[string]string{
		"upload.txt":       "text/plain",
		"dir/Report.PDF":   "application/pdf",
		"photo.jpeg":       "image/jpeg",
		"data.unknownext":  "application/octet-stream",
		"no-extension":     "application/octet-stream",
		"":                 "application/octet-stream",
		"archive.tar.gz":   "application/gzip",
		"/abs/path/a.json": "application/json",
	}
	for name, want := range tests {
		if got := fileContentType(name); got != want {
			t.Errorf("fileContentType(%q) = %q, want %q", name, got, want)
		}
	}
}
