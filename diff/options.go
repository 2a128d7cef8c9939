package diff

import (
	"fmt"

	"github.com/pmgen/pmgen/model"
)

// compareOptions reports the client options that were added, removed or
// renamed: one per host and one per variable. A new secret, or a variable
// that became secret, is breaking, because New then needs a credential
// that no code passes yet.
func (c *comparer) compareOptions() {
	c.compareHosts()

	find := func(vars []*model.Variable, name string) *model.Variable {
		for _, v := range vars {
			if v.Name == name {
				return v
			}
		}
		return nil
	}
	for _, o := range c.old.Variables {
		detail := fmt.Sprintf("option for the variable %s", quote(o.Name))
		n := find(c.new.Variables, o.Name)
		switch {
		case n == nil:
			c.add(Breaking, OptionRemoved, o.GoName, o.GoName, "", detail)
			continue
		case n.GoName != o.GoName:
			c.add(Breaking, OptionRenamed, o.GoName, o.GoName, n.GoName, detail)
		}
		if !o.Secret && n.Secret {
			c.add(Breaking, OptionSecret, n.GoName, "default "+quote(o.Default), "secret, no default", detail+", which is now a secret the client needs")
		}
	}
	for _, n := range c.new.Variables {
		if find(c.old.Variables, n.Name) != nil {
			continue
		}
		detail := fmt.Sprintf("option for the variable %s", quote(n.Name))
		if n.Secret {
			c.add(Breaking, OptionAdded, n.GoName, "", "secret, no default", detail+", a new credential the client needs")
			continue
		}
		c.add(NonBreaking, OptionAdded, n.GoName, "", "default "+quote(n.Default), detail)
	}
}

// compareHosts reports added, removed and renamed base URL options. A new
// host without a default value needs its option set.
func (c *comparer) compareHosts() {
	find := func(hosts []*model.Host, template string) *model.Host {
		for _, h := range hosts {
			if h.Template == template {
				return h
			}
		}
		return nil
	}
	for _, o := range c.old.Hosts {
		detail := fmt.Sprintf("base URL option for the host %s", quote(o.Template))
		n := find(c.new.Hosts, o.Template)
		switch {
		case n == nil:
			c.add(Breaking, OptionRemoved, o.GoName, o.GoName, "", detail)
		case n.GoName != o.GoName:
			c.add(Breaking, OptionRenamed, o.GoName, o.GoName, n.GoName, detail)
		}
	}
	for _, n := range c.new.Hosts {
		if find(c.old.Hosts, n.Template) != nil {
			continue
		}
		detail := fmt.Sprintf("base URL option for the host %s", quote(n.Template))
		if n.Default == "" {
			c.add(Breaking, OptionAdded, n.GoName, "", "no default", detail+", which the client needs")
			continue
		}
		c.add(NonBreaking, OptionAdded, n.GoName, "", "default "+quote(n.Default), detail)
	}
}
