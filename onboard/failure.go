package onboard

import (
	"context"
	"errors"
	"net/http"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// answer is what a call's error says about the service's answer.
type answer int

const (
	answerOK        answer = iota // success
	answerThrottled               // throttled: nothing was done; slow down and retry
	answerServer                  // a 5xx: the service may or may not have acted; retry
	answerNone                    // no answer (network, timeout): it may have acted; retry
	answerDuplicate               // DuplicateResourceException
	answerNotFound                // ResourceNotFoundException
	answerRejected                // any other refusal: final
)

// classify sorts err into an answer, and returns the service's error code
// and message when there is one.
func classify(err error) (a answer, code, message string) {
	if err == nil {
		return answerOK, "", ""
	}
	status := 0
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) && re.Response != nil {
		status = re.HTTPStatusCode()
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		code, message = ae.ErrorCode(), ae.ErrorMessage()
		switch {
		case code == "DuplicateResourceException":
			return answerDuplicate, code, message
		case code == "ResourceNotFoundException":
			return answerNotFound, code, message
		case code == "ThrottlingException" || code == "TooManyRequestsException" ||
			(status == http.StatusTooManyRequests && code != "LimitExceededException"):
			return answerThrottled, code, message
		case status >= 500 || code == "InternalServiceException" || code == "ServiceUnavailableException":
			return answerServer, code, message
		case status == 0 && ae.ErrorFault() == smithy.FaultServer:
			return answerServer, code, message
		}
		if status != 0 || ae.ErrorFault() == smithy.FaultClient {
			return answerRejected, code, message
		}
	}
	if status >= 500 {
		return answerServer, "HTTP" + http.StatusText(status), err.Error()
	}
	if errors.Is(err, context.Canceled) {
		return answerNone, "Canceled", "the request was cancelled"
	}
	// No answer: the connection failed, the response was cut short or
	// did not come in time. The request may have been carried out.
	return answerNone, "NoAnswer", err.Error()
}
