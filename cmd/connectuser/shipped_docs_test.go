package main

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/user"
)

// TestShippedDocumentsOnDefaultServe holds the README's promise that the
// demo instances carry the ids of the documents in examples/documents:
// every valid shipped document (no catalog error, and not a repeat of a
// Username earlier in its run) is created by a `connectuser serve` with
// no flag but the port, through aws-sdk-go-v2.
func TestShippedDocumentsOnDefaultServe(t *testing.T) {
	srv := startServe(t)
	client := connect.New(connect.Options{
		Region:           "us-east-1",
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "any", ""),
		BaseEndpoint:     aws.String(srv.url),
		RetryMaxAttempts: 1,
	})
	batch := user.NewBatch()
	created := 0
	for _, doc := range shippedDocuments(t) {
		in, list := user.ValidateDocument(doc.data)
		if list.HasErrors() {
			continue
		}
		if _, dup := batch.Add(in, user.Origin{Source: doc.name}); dup {
			continue
		}
		t.Run(doc.name, func(t *testing.T) {
			sdk, _ := awsconnect.ToSDK(in)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			out, err := client.CreateUser(ctx, sdk)
			if err != nil {
				t.Fatalf("CreateUser on a default serve: %v", err)
			}
			if aws.ToString(out.UserId) == "" {
				t.Error("CreateUser answered no UserId")
			}
			created++
		})
	}
	if created < 4 {
		t.Errorf("%d shipped documents created; the examples hold at least 4 valid ones", created)
	}
}
