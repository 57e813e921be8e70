package connecttest_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// TestConcurrentUpdatesOfOneUser: updates of one user sent at once leave
// the result of one of them, never a mix: the identity info is one
// request's whole, and the phone configuration's time limit is the one of
// every channel's after-contact work (run with -race).
func TestConcurrentUpdatesOfOneUser(t *testing.T) {
	srv := newUpdateServer(t)
	const workers, rounds = 6, 8
	identities := make([]*identity.Info, workers)
	phones := make([]*user.PhoneConfig, workers)
	for w := range workers {
		identities[w] = &identity.Info{FirstName: ptr(identity.Secret(fmt.Sprintf("First%d", w))),
			LastName: ptr(identity.Secret(fmt.Sprintf("Last%d", w))), Email: ptr(identity.Secret(fmt.Sprintf("w%d@example.com", w)))}
		if w%2 == 0 {
			identities[w].Email = nil
		}
		phones[w] = &user.PhoneConfig{PhoneType: ptr(channel.SoftPhone), AfterContactWorkTimeLimit: ptr(int64(10 + w)), AutoAccept: ptr(w%2 == 0)}
	}
	var wg sync.WaitGroup
	errs := make(chan string, workers*rounds*3)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				for _, req := range []user.Request{
					&user.UpdateUserIdentityInfoInput{InstanceId: cmInstance, UserId: anaID, IdentityInfo: identities[w]},
					&user.UpdateUserPhoneConfigInput{InstanceId: cmInstance, UserId: anaID, PhoneConfig: phones[w]},
					&user.TagResourceInput{ResourceArn: userARN(srv, cmInstance, anaID), Tags: map[string]string{"writer": fmt.Sprint(w), fmt.Sprintf("w%d", w): "x"}},
				} {
					if a := sendRequest(t, srv, req); a.status != 200 {
						errs <- fmt.Sprintf("%T: %d %s", req, a.status, a.body)
					}
				}
			}
		}()
	}
	// Readers at the same time see whole users only.
	stop := make(chan struct{})
	var readers sync.WaitGroup
	readers.Add(1)
	go func() {
		defer readers.Done()
		for i := 0; i < 10_000; i++ {
			select {
			case <-stop:
				return
			default:
			}
			u, _ := srv.User(cmInstance, anaID)
			if !consistentACW(u) {
				errs <- "a reader saw PhoneConfig and AfterContactWorkConfigs of different requests"
				return
			}
		}
	}()
	wg.Wait()
	close(stop)
	readers.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	u, _ := srv.User(cmInstance, anaID)
	matches := func(got any, of func(w int) any) bool {
		for w := range workers {
			if cmp.Equal(got, of(w)) {
				return true
			}
		}
		return false
	}
	if !matches(u.IdentityInfo, func(w int) any { return identities[w] }) {
		t.Errorf("IdentityInfo is none of the requests': a mix")
	}
	if !matches(u.PhoneConfig, func(w int) any { return phones[w] }) || !consistentACW(u) {
		t.Errorf("PhoneConfig %+v, ACW %+v: a mix", u.PhoneConfig, u.AfterContactWorkConfigs)
	}
	if len(u.Tags) != workers+2 || u.Tags["team"] != "blue" {
		t.Errorf("Tags %v: want every writer's key, writer and team", u.Tags)
	}
}

// consistentACW reports whether every per-channel after-contact work of u
// has the phone configuration's time limit, as each UpdateUserPhoneConfig
// leaves it.
func consistentACW(u connecttest.User) bool {
	if u.PhoneConfig == nil {
		return true // not yet updated
	}
	for _, c := range u.AfterContactWorkConfigs {
		if *c.AfterContactWorkConfig.AfterContactWorkTimeLimit != *u.PhoneConfig.AfterContactWorkTimeLimit {
			return false
		}
	}
	return true
}

// TestResetAfterWrites: with reset-after faults, every write is carried
// out once and whole, then the connection is reset; the client sees an
// error, and the user is as the request asked. A refused write is answered
// as usual.
func TestResetAfterWrites(t *testing.T) {
	srv := newUpdateServer(t, connecttest.WithFaults(connecttest.Faults{ResetAfter: 1}), connecttest.WithSeed(7))
	client := newClient(srv) // no retries: the client sends each request once
	ctx := testContext(t)
	in, id := aws.String(cmInstance), aws.String(anaID)
	arn := aws.String(userARN(srv, cmInstance, anaID))
	want := anaUser()
	writes := []struct {
		op     string
		call   func() error
		change func(*connecttest.User)
	}{
		{connecttest.OpUpdateUserRoutingProfile, func() error {
			_, err := client.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{InstanceId: in, UserId: id, RoutingProfileId: aws.String(basicRP)})
			return err
		}, func(*connecttest.User) {}},
		{connecttest.OpUpdateUserSecurityProfiles, func() error {
			_, err := client.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{InstanceId: in, UserId: id, SecurityProfileIds: []string{managerSP}})
			return err
		}, func(u *connecttest.User) { u.SecurityProfileIds = []string{managerSP} }},
		{connecttest.OpUpdateUserHierarchy, func() error {
			_, err := client.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: in, UserId: id})
			return err
		}, func(u *connecttest.User) { u.HierarchyGroupId = nil }},
		{connecttest.OpUpdateUserConfig, func() error {
			_, err := client.UpdateUserConfig(ctx, &connect.UpdateUserConfigInput{InstanceId: in, UserId: id,
				AutoAcceptConfigs: []types.AutoAcceptConfig{{Channel: types.ChannelChat, AutoAccept: true}}})
			return err
		}, func(u *connecttest.User) { u.AutoAcceptConfigs[0].AutoAccept = ptr(true) }},
		{connecttest.OpTagResource, func() error {
			_, err := client.TagResource(ctx, &connect.TagResourceInput{ResourceArn: arn, Tags: map[string]string{"site": "porto"}})
			return err
		}, func(u *connecttest.User) { u.Tags["site"] = "porto" }},
		{connecttest.OpUntagResource, func() error {
			_, err := client.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"team"}})
			return err
		}, func(u *connecttest.User) { delete(u.Tags, "team") }},
		{connecttest.OpDeleteUser, func() error {
			_, err := client.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: in, UserId: id})
			return err
		}, nil},
	}
	for _, w := range writes {
		before, _ := srv.LastModified(cmInstance, anaID)
		if err := w.call(); err == nil {
			t.Fatalf("%s: no error, want the reset connection", w.op)
		}
		reqs := srv.Requests()
		if last := reqs[len(reqs)-1]; last.Operation != w.op || last.Fault != "reset-after" || last.Status != 0 {
			t.Fatalf("%s: recorded %+v", w.op, last)
		}
		if w.change == nil {
			if _, found := srv.User(cmInstance, anaID); found {
				t.Errorf("%s: the user is still there", w.op)
			}
			continue
		}
		w.change(&want)
		got, _ := srv.User(cmInstance, anaID)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: the write is not applied whole (-want +got):\n%s", w.op, diff)
		}
		// One write, one reading of the clock (a second): applied once.
		if after, _ := srv.LastModified(cmInstance, anaID); after.Sub(before) != time.Second {
			t.Errorf("%s: LastModifiedTime moved %v, want one write", w.op, after.Sub(before))
		}
	}
	// A refused write is not reset: the client hears the refusal.
	_, err := client.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: in, UserId: id})
	if code := errorCode(err); code != connecttest.ErrResourceNotFound {
		t.Errorf("update of the deleted user under reset-after: %v", err)
	}
}
