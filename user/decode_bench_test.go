package user

import (
	"encoding/json"
	"testing"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
)

// decPlainRequest has the members of a request document in plain Go
// types, for encoding/json to read in the benchmark.
type decPlainRequest struct {
	InstanceId   string
	Username     string
	Password     *string
	IdentityInfo *struct {
		FirstName, LastName, Email, SecondaryEmail, Mobile *string
	}
	PhoneConfig *struct {
		PhoneType                 *string
		AutoAccept                *bool
		AfterContactWorkTimeLimit *int64
		DeskPhoneNumber           *string
		PersistentConnection      *bool
	}
	DirectoryUserId    *string
	SecurityProfileIds []string
	RoutingProfileId   string
	HierarchyGroupId   *string
	AutoAcceptConfigs  []struct {
		Channel                      string
		AutoAccept                   *bool
		AgentFirstCallbackAutoAccept *bool
	}
	AfterContactWorkConfigs []struct {
		Channel                                  string
		AfterContactWorkConfig                   *struct{ AfterContactWorkTimeLimit *int64 }
		AgentFirstCallbackAfterContactWorkConfig *struct{ AfterContactWorkTimeLimit *int64 }
	}
	PhoneNumberConfigs []struct {
		Channel     string
		PhoneType   string
		PhoneNumber *string
	}
	PersistentConnectionConfigs []struct {
		Channel              string
		PersistentConnection *bool
	}
	VoiceEnhancementConfigs []struct {
		Channel              string
		VoiceEnhancementMode string
	}
	Tags map[string]string
}

// decBenchDocument is a request document with every member set (so its
// PhoneConfig conflicts with the lists), all five lists and 50 tags,
// indented as people keep them in files.
func decBenchDocument(tb testing.TB) []byte {
	in := fullRequest()
	in.DirectoryUserId = new("d-1234567890")
	in.PhoneConfig = &PhoneConfig{
		PhoneType: new(channel.DeskPhone), AutoAccept: new(true), AfterContactWorkTimeLimit: new(int64(120)),
		DeskPhoneNumber: new(identity.Secret("+15555551212")), PersistentConnection: new(false),
	}
	data, err := json.MarshalIndent(in, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func BenchmarkDecode(b *testing.B) {
	doc := decBenchDocument(b)
	if d := decode(doc); len(d.list) > 0 {
		b.Fatalf("benchmark document has reading violations: %v", d.list)
	}
	valid, err := json.MarshalIndent(fullRequest(), "", "  ")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			decode(doc)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			var p decPlainRequest
			if err := json.Unmarshal(doc, &p); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Reading and checking a valid document, against encoding/json reading
	// the same bytes.
	v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
	b.Run("ValidateDocument-valid", func(b *testing.B) {
		b.SetBytes(int64(len(valid)))
		b.ReportAllocs()
		for b.Loop() {
			v.ValidateDocument(valid)
		}
	})
	b.Run("encoding-json-valid", func(b *testing.B) {
		b.SetBytes(int64(len(valid)))
		b.ReportAllocs()
		for b.Loop() {
			var p decPlainRequest
			if err := json.Unmarshal(valid, &p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
