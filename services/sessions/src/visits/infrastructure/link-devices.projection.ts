import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { createHash, randomBytes } from 'node:crypto';
import type { LinkDevice } from '../domain/session.commands';

interface LinkDeviceDocument {
  /** The join link's id. */
  readonly _id: string;
  /** SHA-256 of the device token: the token itself is only ever on the device. */
  readonly deviceHash: string;
  readonly boundAt: Date;
}

const DUPLICATE_KEY = 11000;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A link's binding as read before the session decides, to bind or rebind after it. */
export interface LinkBinding {
  readonly device: LinkDevice;
  readonly deviceHash?: string;
}

/**
 * Which device each join link was exchanged on. The first exchange of a link binds it to the
 * device that made it (a random token the device keeps and presents again); the session
 * refuses the link on another device while its participant is in the visit. Kept beside the
 * session's events rather than in them: the token is a credential, and events are published.
 */
@Injectable()
export class LinkDevices {
  private readonly collection: mongo.Collection<LinkDeviceDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<LinkDeviceDocument>('join_link_devices');
  }

  /** How the presenting device stands to the link's binding. */
  async bindingOf(linkId: string, deviceToken: string | undefined): Promise<LinkBinding> {
    const bound = await this.collection.findOne({ _id: linkId });
    if (!bound) return { device: 'unbound' };
    const here = deviceToken !== undefined && hashOf(deviceToken) === bound.deviceHash;
    return { device: here ? 'bound-here' : 'bound-elsewhere', deviceHash: bound.deviceHash };
  }

  /**
   * Binds the link to a new device token, replacing `binding` only if it is still the one
   * read: the token, or undefined when another device bound the link in the meantime.
   */
  async bind(linkId: string, binding: LinkBinding, at: Date): Promise<string | undefined> {
    const token = randomBytes(32).toString('base64url');
    const deviceHash = hashOf(token);
    if (binding.deviceHash === undefined) {
      try {
        await this.collection.insertOne({ _id: linkId, deviceHash, boundAt: at });
        return token;
      } catch (error) {
        if ((error as { code?: unknown }).code === DUPLICATE_KEY) return undefined;
        throw error;
      }
    }
    const replaced = await this.collection.updateOne(
      { _id: linkId, deviceHash: binding.deviceHash },
      { $set: { deviceHash, boundAt: at } },
    );
    return replaced.matchedCount > 0 ? token : undefined;
  }
}
