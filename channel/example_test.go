package channel_test

import (
	"fmt"

	"github.com/connectkit/createuser/channel"
)

// Parsing what a person typed: any letter case is read, and the value
// comes back as the service spells it.
func ExampleParseChannel() {
	c, err := channel.ParseChannel("chat")
	fmt.Println(c, err)
	_, err = channel.ParseChannel("fax")
	fmt.Println(err)
	// Output:
	// CHAT <nil>
	// channel: unknown channel "fax" (want VOICE, CHAT, TASK, EMAIL, in any letter case)
}

func ExampleParsePhoneType() {
	t, err := channel.ParsePhoneType("desk_phone")
	fmt.Println(t, err)
	// Output: DESK_PHONE <nil>
}

func ExampleParseVoiceEnhancementMode() {
	m, err := channel.ParseVoiceEnhancementMode("Voice_Isolation")
	fmt.Println(m, err)
	// Output: VOICE_ISOLATION <nil>
}
