// Package channel holds the contact channels of Connect Customer and the
// five channel-specific configuration lists of a CreateUser request:
// AutoAcceptConfigs, AfterContactWorkConfigs, PhoneNumberConfigs,
// PersistentConnectionConfigs and VoiceEnhancementConfigs.
//
// Optional scalars are pointers, so that an absent member and a zero value
// (AutoAccept false, AfterContactWorkTimeLimit 0, which means indefinite
// after-contact work) stay apart.
package channel
