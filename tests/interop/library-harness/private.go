package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/apptainer/container-library-client/client"
)

// ensurePrivateCollection creates ENTITY/COLLECTION private before the push.
// UploadImage creates collections public and the client's create calls are
// unexported, so this repeats its find-or-create (same paths, same bodies: the
// client's own Entity and Collection structs, no Content-Type, BEARER token)
// with "private": true on the collection, as the web UI or API users would.
// UploadImage then finds the collection and pushes into it.
func ensurePrivateCollection(env *environment, ref libraryRef) error {
	entityName, collectionName, _ := ref.split()

	var entity client.EntityResponse
	found, err := apiGet(env, "v1/entities/"+entityName, &entity)
	if err != nil {
		return err
	}
	if !found {
		body := client.Entity{Name: entityName, Description: "No description"}
		if err := apiPost(env, "v1/entities", body, &entity); err != nil {
			return err
		}
	}

	var collection client.CollectionResponse
	found, err = apiGet(env, "v1/collections/"+entityName+"/"+collectionName, &collection)
	if err != nil {
		return err
	}
	if found {
		if !collection.Data.Private {
			return fmt.Errorf("collection %s/%s already exists and is public; -private needs a new collection", entityName, collectionName)
		}
		return nil
	}
	body := client.Collection{Name: collectionName, Description: "No description", Entity: entity.Data.ID, Private: true}
	if err := apiPost(env, "v1/collections", body, &collection); err != nil {
		return err
	}
	if !collection.Data.Private {
		return fmt.Errorf("the server created collection %s/%s public although the request said \"private\": true", entityName, collectionName)
	}
	return nil
}

// apiGet GETs a library object; found is false on 404, as for the client.
func apiGet(env *environment, path string, into interface{}) (found bool, err error) {
	status, body, err := send(env, http.MethodGet, path, nil)
	if err != nil {
		return false, err
	}
	switch status {
	case http.StatusOK:
		return true, decode(path, body, into)
	case http.StatusNotFound:
		return false, nil
	default:
		return false, fmt.Errorf("GET %s: http status %d: %s", path, status, body)
	}
}

func apiPost(env *environment, path string, object, into interface{}) error {
	payload, err := json.Marshal(object)
	if err != nil {
		return err
	}
	status, body, err := send(env, http.MethodPost, path, payload)
	if err != nil {
		return err
	}
	if status != http.StatusOK && status != http.StatusCreated {
		return fmt.Errorf("POST %s: http status %d: %s", path, status, body)
	}
	return decode(path, body, into)
}

// send builds the request like the client's newRequest: path resolved against the base URL.
func send(env *environment, method, path string, payload []byte) (int, []byte, error) {
	u := env.client.BaseURL.ResolveReference(&url.URL{Path: path})
	var reader io.Reader
	if payload != nil {
		reader = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(env.ctx, method, u.String(), reader)
	if err != nil {
		return 0, nil, err
	}
	if env.token != "" {
		req.Header.Set("Authorization", "BEARER "+env.token)
	}
	res, err := env.client.HTTPClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res.StatusCode, body, err
}

func decode(path string, body []byte, into interface{}) error {
	if err := json.Unmarshal(body, into); err != nil {
		return fmt.Errorf("%s: cannot decode %q: %v", path, body, err)
	}
	return nil
}
